namespace LivingLab.Runtime;

/// <summary>Activation, deactivation, idle collection and timers of one activation.</summary>
internal sealed partial class ActivationData
{
    private readonly List<IStateLoader> states = [];
    private List<GrainTimer>? timers;

    /// <summary>Registers a persistent state made for this activation's grain, so it is read before OnActivateAsync.</summary>
    public void AddState(IStateLoader state) => states.Add(state);

    /// <summary>Starts the activation: constructing the grain, reading its state and OnActivateAsync run as its first turns.</summary>
    public void BeginActivation()
    {
        lock (gate)
        {
            running++;
            PushTurnLocked(new Turn(new LifecycleRequest(this, ActivateAsync, OnActivated), null, null));
        }
    }

    private async Task ActivateAsync()
    {
        var grain = Runtime.Activator.Create(this);
        grain.Activation = this;
        Instance = grain;
        foreach (var state in states)
        {
            await state.ReadStateAsync();
        }

        await grain.OnActivateAsync(Runtime.StoppingToken);
    }

    private void OnActivated(Task activation)
    {
        List<Queued>? failed = null;
        lock (gate)
        {
            running--;
            if (activation.IsCompletedSuccessfully)
            {
                status = ActivationStatus.Active;
                AfterReleaseLocked();
                return;
            }

            status = ActivationStatus.Faulted;
            Runtime.Directory.TryRemove(new KeyValuePair<GrainId, ActivationData>(Id, this));
            failed = waiting is null ? null : [.. waiting];
            waiting = null;
            deactivatedSignal?.TrySetResult();
        }

        DisposeTimers();
        var exception = activation.Exception!.InnerException!;
        Runtime.LogActivationFailure(this, exception);
        foreach (var queued in failed ?? [])
        {
            Runtime.Timeouts.Untrack(queued.Request);
            queued.Request.TryFail(exception);
        }
    }

    /// <summary>Asks for deactivation once no request is running (DeactivateOnIdle, a stale ETag, idle collection).</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (gate)
        {
            pendingDeactivation ??= reason;
            MaybeDeactivateLocked();
        }
    }

    /// <summary>Collects the activation when it has been unused for <paramref name="age"/>.</summary>
    public void CollectIfIdle(long now, TimeSpan age)
    {
        lock (gate)
        {
            if (status == ActivationStatus.Active && running == 0 && waiting is not { Count: > 0 }
                && Runtime.Clock.GetElapsedTime(lastUsed, now) >= age)
            {
                pendingDeactivation ??= new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"unused for {age}");
                MaybeDeactivateLocked();
            }
        }
    }

    /// <summary>For shutdown: finishes every running and waiting call, then deactivates.</summary>
    public Task ShutdownAsync()
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivated)
            {
                return Task.CompletedTask;
            }

            drainBeforeDeactivate = true;
            deactivatedSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pendingDeactivation ??= new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the runtime is shutting down");
            MaybeDeactivateLocked();
            return deactivatedSignal.Task;
        }
    }

    private void MaybeDeactivateLocked()
    {
        if (pendingDeactivation is not { } reason || status != ActivationStatus.Active || running != 0)
        {
            return;
        }

        if (drainBeforeDeactivate && waiting is { Count: > 0 })
        {
            return;
        }

        StartDeactivationLocked(reason);
    }

    // Kept apart from MaybeDeactivateLocked, which runs after every call: its closure is allocated only here.
    private void StartDeactivationLocked(DeactivationReason reason)
    {
        status = ActivationStatus.Deactivating;
        running++;
        PushTurnLocked(new Turn(new LifecycleRequest(this, () => DeactivateAsync(reason), OnDeactivated), null, null));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        DisposeTimers();
        await Instance!.OnDeactivateAsync(reason, CancellationToken.None);
    }

    private void OnDeactivated(Task deactivation)
    {
        if (!deactivation.IsCompletedSuccessfully)
        {
            Runtime.LogDeactivationFailure(this, deactivation.Exception!.InnerException!);
        }

        List<Queued>? forward;
        lock (gate)
        {
            running--;
            status = ActivationStatus.Deactivated;
            Runtime.Directory.TryRemove(new KeyValuePair<GrainId, ActivationData>(Id, this));
            forward = waiting is null ? null : [.. waiting];
            waiting = null;
            deactivatedSignal?.TrySetResult();
        }

        // Calls that arrived while this activation was leaving go to a fresh one, as Orleans forwards them.
        foreach (var queued in forward ?? [])
        {
            Runtime.Forward(this, queued);
        }
    }

    /// <summary>Registers a grain timer; its ticks are requests of this activation and it dies with it.</summary>
    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options);
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivating)
            {
                timer.Dispose();
                return timer;
            }

            (timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    /// <summary>Forgets a disposed timer.</summary>
    public void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers?.Remove(timer);
        }
    }

    /// <summary>Runs one timer tick as a request of this activation; dropped when the activation is leaving.</summary>
    public Task? SubmitTimerTick(TimerTickRequest tick, bool keepAlive)
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivating)
            {
                return null;
            }
        }

        tick.Scheduler = this;
        return Submit(tick, allowInline: false, touch: keepAlive);
    }

    private void DisposeTimers()
    {
        GrainTimer[] current;
        lock (gate)
        {
            current = timers is null ? [] : [.. timers];
        }

        foreach (var timer in current)
        {
            timer.Dispose();
        }
    }
}
