namespace LivingLab.Runtime;

/// <summary>
/// A call would wait on itself (A → B → A between non-reentrant grains). Orleans waits for the timeout;
/// LivingLab fails at once and names the cycle.
/// </summary>
public sealed class DeadlockException(string message, IReadOnlyList<GrainId> cycle) : Exception(message)
{
    /// <summary>The grains of the cycle, from the first caller to the grain called again.</summary>
    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
