namespace LivingLab.Pipeline;

/// <summary>Who runs a pilot: nobody yet, the town itself, or a partner organisation.</summary>
[GenerateSerializer]
[Alias("ll.OperatorKind")]
public enum OperatorKind
{
    /// <summary>No operator has been named.</summary>
    None,

    /// <summary>The town runs it.</summary>
    Town,

    /// <summary>A partner organisation runs it; it must be accepted on the idea.</summary>
    Partner,
}

/// <summary>The operator of an idea; <see cref="PartnerId"/> is set only when <see cref="Kind"/> is <see cref="OperatorKind.Partner"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.IdeaOperator")]
public sealed record IdeaOperator(OperatorKind Kind, string? PartnerId = null)
{
    /// <summary>No operator yet.</summary>
    public static IdeaOperator None { get; } = new(OperatorKind.None);

    /// <summary>The town runs the pilot.</summary>
    public static IdeaOperator Town { get; } = new(OperatorKind.Town);

    /// <summary>A partner organisation runs the pilot.</summary>
    public static IdeaOperator Partner(string partnerId) => new(OperatorKind.Partner, partnerId);
}
