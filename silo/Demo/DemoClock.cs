using Orleans.Runtime;

namespace LivingLab.Demo;

/// <summary>
/// The domain clock (<see cref="Hosting.DomainClock"/>), except inside a <see cref="TravelTo"/> scope, where "now" is a
/// chosen moment in the past. The demo seeder uses it so the seeded town has a history (an idea entered its pilot months
/// ago, a KPI was measured monthly) instead of hundreds of events stamped with the same second. Grains take their clock
/// from DI, so the only way to date what they record is to give them this clock; the moment rides in Orleans'
/// <see cref="RequestContext"/>, so it covers exactly the seeder's own calls and the grain calls they make, on any silo,
/// and nothing else. Orleans' own clock is a different service and never travels.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private const string MomentKey = "ll.demo.now";

    /// <summary>The clock this one follows outside a scope.</summary>
    public TimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow() =>
        RequestContext.Get(MomentKey) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Makes "now" <paramref name="moment"/> for this call flow and the grain calls it makes, until disposed: for every
    /// grain whose silo runs a <see cref="DemoClock"/> (every LivingLab silo does), wherever the caller runs.
    /// </summary>
    public static IDisposable TravelTo(DateTimeOffset moment)
    {
        var scope = new Scope(RequestContext.Get(MomentKey));
        RequestContext.Set(MomentKey, moment.UtcTicks);
        return scope;
    }

    private sealed class Scope(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(MomentKey);
            }
            else
            {
                RequestContext.Set(MomentKey, previous);
            }
        }
    }
}
