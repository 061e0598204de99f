namespace LivingLab.Challenges;

/// <summary>
/// Stored state of a challenge. Version 1; fields may be added, never repurposed. Supporters, followers and comments are
/// rows of their own (see MemberSet, CommentThread); the state keeps only their counts.
/// </summary>
public sealed class ChallengeState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Null until the challenge is submitted.</summary>
    public string? Title { get; set; }

    public string Body { get; set; } = "";

    public string Category { get; set; } = "";

    public string? PlaceText { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string AuthorId { get; set; } = "";

    public ProxyChannel? ProxyChannel { get; set; }

    public string? OnBehalfOf { get; set; }

    public DateTimeOffset Created { get; set; }

    public ChallengeStatus Status { get; set; }

    public int SupportCount { get; set; }

    public int FollowerCount { get; set; }

    /// <summary>
    /// Numbers the live snapshots of this item in the order of its changes. Stored, so an activation on another silo or
    /// after a restart goes on counting up instead of starting again (a process-wide counter would go backwards).
    /// </summary>
    public long LiveRevision { get; set; }

    /// <summary>The comment thread's revision: the <see cref="LiveRevision"/> of its last change (0 before any).</summary>
    public long CommentRevision { get; set; }

    /// <summary>Visible comments (deleted and hidden ones are not counted).</summary>
    public int CommentCount { get; set; }

    /// <summary>The number the next comment gets (comment ids sort in posting order).</summary>
    public long NextCommentNumber { get; set; } = 1;

    public string? IdeaId { get; set; }

    public string? MergedIntoId { get; set; }

    public string? DeclineReason { get; set; }

    public DateTimeOffset? Decided { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Duplicates already merged into this one, so a repeated merge hand-over changes nothing.</summary>
    public List<string> AbsorbedFrom { get; set; } = [];

    /// <summary>"workshopId/sourceId" of every workshop note or cluster handed over, so a retry adds nothing twice.</summary>
    public List<string> WorkshopSources { get; set; } = [];
}
