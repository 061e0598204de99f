using LivingLab.Common;

namespace LivingLab.Pipeline;

/// <summary>The outcome of a gate check: every missing condition at once, so a refusal can list them all.</summary>
public sealed record GateResult(IReadOnlyList<Rejection> Missing)
{
    /// <summary>Nothing is missing.</summary>
    public static GateResult Passed { get; } = new([]);

    /// <summary>True when no condition is missing.</summary>
    public bool Succeeded => Missing.Count == 0;

    /// <summary>The codes of the missing conditions, in the order they were checked.</summary>
    public IReadOnlyList<string> Codes => Missing.Select(m => m.Code).ToArray();

    /// <summary>Both results' missing conditions, in order.</summary>
    public GateResult And(GateResult other) =>
        Succeeded ? other : other.Succeeded ? this : new GateResult([.. Missing, .. other.Missing]);
}

/// <summary>
/// One condition of a stage's gate and whether the idea meets it. <see cref="Code"/> is the rejection code the gate
/// reports while the condition is unmet, so the UI labels a checklist row and a refusal with the same text.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.GateCondition")]
public sealed record GateCondition(string Code, bool Met, string? Field = null, IReadOnlyDictionary<string, string>? Values = null);
