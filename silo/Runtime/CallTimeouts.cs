using System.Collections.Concurrent;

namespace LivingLab.Runtime;

/// <summary>
/// Fails calls that outlive their timeout. One periodic sweep, as Orleans does, instead of a timer per call:
/// a call that completes without waiting is never tracked at all.
/// </summary>
internal sealed class CallTimeouts : IDisposable
{
    // The deadline lives here, not on the request: only calls that wait pay for it.
    private readonly ConcurrentDictionary<GrainRequest, long> pending = new(ReferenceEqualityComparer.Instance);
    private readonly TimeProvider clock;
    private readonly TimeSpan timeout;
    private readonly long timeoutTicks;
    private readonly ITimer sweeper;

    public CallTimeouts(TimeProvider clock, TimeSpan timeout)
    {
        this.clock = clock;
        this.timeout = timeout;
        timeoutTicks = (long)(timeout.TotalSeconds * clock.TimestampFrequency);
        var interval = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        sweeper = clock.CreateTimer(static s => ((CallTimeouts)s!).Sweep(), this, interval, interval);
    }

    public int PendingCount => pending.Count;

    public void Track(GrainRequest request)
    {
        pending.TryAdd(request, clock.GetTimestamp() + timeoutTicks);
    }

    public void Untrack(GrainRequest request) => pending.TryRemove(request, out _);

    private void Sweep()
    {
        var now = clock.GetTimestamp();
        foreach (var (request, deadline) in pending)
        {
            if (now >= deadline && pending.TryRemove(request, out _))
            {
                request.TryFail(new TimeoutException($"{request} did not answer within {timeout.TotalSeconds:0.###} s."));
            }
        }
    }

    public void Dispose() => sweeper.Dispose();
}
