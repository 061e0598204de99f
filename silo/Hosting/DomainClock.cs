namespace LivingLab.Hosting;

/// <summary>
/// The clock grains date what they record by: a keyed <see cref="TimeProvider"/> (<c>[FromKeyedServices(DomainClock.Key)]</c>),
/// apart from the host's own, which Orleans runs its timeouts, membership and timers on. Tests and the demo seeder
/// replace this one without touching Orleans' clock.
/// </summary>
public static class DomainClock
{
    /// <summary>The service key of the domain clock.</summary>
    public const string Key = "livinglab.domain";
}
