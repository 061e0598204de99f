namespace LivingLab.Runtime;

/// <summary>Activation or deactivation work, run as turns of the activation like any call so its awaits come back in turn.</summary>
internal sealed class LifecycleRequest : GrainRequest
{
    private readonly ActivationData activation;
    private readonly Func<Task> body;
    private readonly Action<Task> completed;

    public LifecycleRequest(ActivationData activation, Func<Task> body, Action<Task> completed)
    {
        this.activation = activation;
        this.body = body;
        this.completed = completed;
        Scheduler = activation;
    }

    public override Type InterfaceType => activation.Id.Interface;

    public override string MethodName => "(lifecycle)";

    public override object?[] GetArguments() => [];

    public override Task InvokeGrain(object grain) => throw new InvalidOperationException("Lifecycle work is not a grain call.");

    /// <summary>Runs the body in the current turn and reports its completion.</summary>
    public void Start()
    {
        Task task;
        try
        {
            task = body();
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            completed(task);
        }
        else
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => completed(task));
        }
    }
}
