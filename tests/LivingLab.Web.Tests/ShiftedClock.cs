namespace LivingLab.Web.Tests;

/// <summary>
/// The system clock plus an offset a test moves forward, so "16 minutes later" needs no sleep. Timers and timestamps stay
/// real, so call timeouts and the host's background work behave as in production.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves "now" forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
