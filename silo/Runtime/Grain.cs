namespace LivingLab.Runtime;

/// <summary>Base class of every grain, as Orleans' Grain: identity, lifecycle hooks, timers and reminders.</summary>
public abstract class Grain
{
    private ActivationData? activation;

    internal ActivationData Activation
    {
        get => activation ?? throw new InvalidOperationException("A grain's runtime services are available from OnActivateAsync on, not in its constructor.");
        set => activation = value;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>The host's services.</summary>
    protected IServiceProvider ServiceProvider => Activation.Runtime.Services;

    /// <summary>The string key of this grain.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>The GUID key of this grain; throws when the key is not a GUID.</summary>
    public Guid GetPrimaryKey() => Guid.Parse(GrainId.Key);

    /// <summary>Runs once after state has been read, before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected, asked to deactivate or the runtime shuts down.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current call has finished.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"));

    /// <summary>Registers a timer whose ticks run as turns of this grain and which dies with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);

    /// <summary>Registers a timer whose ticks run as turns of this grain and which dies with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer((_, ct) => callback(ct), null, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers or updates a durable reminder: it survives restarts and reactivates this grain.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    /// <summary>Finds a reminder of this grain by name.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Task.FromResult(Activation.Runtime.Reminders.Find(GrainId, reminderName));
}
