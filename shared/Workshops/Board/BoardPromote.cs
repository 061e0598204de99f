namespace LivingLab.Workshops.Board;

/// <summary>What on the board is promoted: one note, or a cluster with its visible notes.</summary>
[GenerateSerializer]
[Alias("ll.BoardSourceKind")]
public enum BoardSourceKind
{
    /// <summary>One note (its text).</summary>
    Note,

    /// <summary>A cluster: its title and the texts of its visible notes.</summary>
    Cluster,
}

/// <summary>Where a promoted note or cluster goes.</summary>
[GenerateSerializer]
[Alias("ll.PromoteTarget")]
public enum PromoteTarget
{
    /// <summary>A new idea in discovery.</summary>
    NewIdea,

    /// <summary>An existing open idea.</summary>
    Idea,

    /// <summary>An existing challenge.</summary>
    Challenge,
}

/// <summary>
/// A facilitator promotes a note or cluster: to a new idea (title, summary and category as an idea needs them, prefilled
/// from the source by the form) or onto an existing idea or challenge (<see cref="TargetId"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PromoteInput")]
public sealed record PromoteInput(
    BoardSourceKind Kind,
    string? SourceId,
    PromoteTarget Target,
    string? TargetId = null,
    string? Title = null,
    string? Summary = null,
    string? Category = null);

/// <summary>What a note or cluster led to: "→ idea X" or "→ challenge Y".</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardOutcome")]
public sealed record BoardOutcome(PromoteTarget Target, string TargetId);
