namespace LivingLab.Runtime;

/// <summary>A grain timer: each tick is a request of its activation, and the next tick is due a period after it ends.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData activation;
    private readonly Func<object?, CancellationToken, Task> callback;
    private readonly object? state;
    private readonly CancellationTokenSource cancellation = new();
    private TimeSpan dueTime;
    private TimeSpan period;
    private ITimer? timer;
    private volatile bool disposed;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        this.activation = activation;
        this.callback = callback;
        this.state = state;
        dueTime = options.DueTime;
        period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public ActivationData Activation => activation;

    public void Start()
    {
        if (!disposed)
        {
            timer = activation.Runtime.Clock.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        this.dueTime = dueTime;
        this.period = period;
        timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Runs the callback and arms the next tick within the same request, so the next period starts when it ends.</summary>
    public async Task InvokeCallback()
    {
        try
        {
            await callback(state, cancellation.Token);
        }
        finally
        {
            ScheduleNext();
        }
    }

    private void OnTick()
    {
        if (disposed)
        {
            return;
        }

        var tick = activation.SubmitTimerTick(new TimerTickRequest(this), KeepAlive);
        if (tick is null)
        {
            return;
        }

        tick.ContinueWith(
            static (task, s) =>
            {
                var self = (GrainTimer)s!;
                self.activation.Runtime.LogTimerFailure(self.activation, task.Exception!.InnerException!);

                // A tick that never ran its callback (timed out in the queue) must not stop the timer.
                self.ScheduleNext();
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void ScheduleNext()
    {
        if (!disposed && period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            timer?.Change(period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        timer?.Dispose();
        cancellation.Cancel();
        activation.RemoveTimer(this);
    }
}

/// <summary>One tick of a grain timer, scheduled like a call (it waits its turn unless the timer interleaves).</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : GrainRequest
{
    public override Type InterfaceType => timer.Activation.Id.Interface;

    public override string MethodName => "(timer)";

    public override InvokeFlags Flags => timer.Interleave ? InvokeFlags.AlwaysInterleave : InvokeFlags.None;

    public override object?[] GetArguments() => [];

    public override Task InvokeGrain(object grain) => timer.InvokeCallback();
}
