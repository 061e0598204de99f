using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period, string signal);

    Task<int> Ticks();

    Task<bool> TickOverlappedACall();

    Task Hold(string signal);

    Task Deactivate();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private int ticks;
    private bool inCall;
    private bool overlapped;
    private string signal = "";

    public Task Start(TimeSpan period, string signal)
    {
        this.signal = signal;
        RegisterGrainTimer(OnTick, period, period);
        return Task.CompletedTask;
    }

    private Task OnTick(CancellationToken cancellationToken)
    {
        overlapped |= inCall;
        ticks++;
        Signals.Set($"{signal}:tick{ticks}", SynchronizationContext.Current is GrainRequest);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(ticks);

    public Task<bool> TickOverlappedACall() => Task.FromResult(overlapped);

    public async Task Hold(string gate)
    {
        inCall = true;
        Signals.Set($"{gate}:started");
        await Signals.WaitAsync($"{gate}:open");
        inCall = false;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Signals.Set($"{signal}:deactivated");
        return Task.CompletedTask;
    }
}
