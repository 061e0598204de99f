namespace LivingLab.Demo;

/// <summary>
/// The host's clock, except inside a <see cref="TravelTo"/> scope, where "now" is a chosen moment in the past. The demo
/// seeder uses it so the seeded town has a history (an idea entered its pilot months ago, a KPI was measured monthly)
/// instead of hundreds of events stamped with the same second. Grains take their clock from DI, so the only way to date
/// what they record is to give them this clock; the scope is an async-local value, so it covers exactly the seeder's
/// own calls (they carry their execution context into grain turns, like RequestContext) and nothing else in the host.
/// Timestamps (timeouts, idle collection) and timers always follow the real clock.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> now = new();

    /// <summary>The clock this one follows outside a scope.</summary>
    public TimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow() => now.Value ?? inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // A timer captures the execution context it is created in; one created by a grain during a seeded call must not
        // keep living in the past.
        var saved = now.Value;
        now.Value = null;
        try
        {
            return inner.CreateTimer(callback, state, dueTime, period);
        }
        finally
        {
            now.Value = saved;
        }
    }

    /// <summary>Makes "now" <paramref name="moment"/> for this async flow and the grain calls it makes, until disposed.</summary>
    public IDisposable TravelTo(DateTimeOffset moment)
    {
        var scope = new Scope(this, now.Value);
        now.Value = moment;
        return scope;
    }

    private sealed class Scope(DemoClock clock, DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => clock.now.Value = previous;
    }
}
