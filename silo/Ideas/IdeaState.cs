using LivingLab.Pipeline;

namespace LivingLab.Ideas;

/// <summary>
/// Stored state of an idea. Version 1; fields may be added, never repurposed. Voters, followers, comments and partner
/// proposals are rows of their own; KPIs and measurements stay here (bounded by IdeaRules).
/// </summary>
public sealed class IdeaState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Null until the idea is created.</summary>
    public string? Title { get; set; }

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    public Stage Stage { get; set; }

    public IdeaStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset StageEntered { get; set; }

    public List<string> ChallengeIds { get; set; } = [];

    public OperatorKind OperatorKind { get; set; }

    public string? OperatorPartnerId { get; set; }

    public List<Kpi> Kpis { get; set; } = [];

    public List<RecordedMeasurement> Measurements { get; set; } = [];

    /// <summary>Applications without their proposals (those are rows, as they can be long).</summary>
    public List<ApplicationState> Applications { get; set; } = [];

    public int VoteCount { get; set; }

    /// <summary>
    /// Numbers the live snapshots of this item in the order of its changes. Stored, so an activation on another silo or
    /// after a restart goes on counting up instead of starting again (a process-wide counter would go backwards).
    /// </summary>
    public long LiveRevision { get; set; }

    /// <summary>The comment thread's revision: the <see cref="LiveRevision"/> of its last change (0 before any).</summary>
    public long CommentRevision { get; set; }

    public int FollowerCount { get; set; }

    public int CommentCount { get; set; }

    public long NextCommentNumber { get; set; } = 1;

    public int NextKpiNumber { get; set; } = 1;

    public int NextMeasurementNumber { get; set; } = 1;

    public int NextApplicationNumber { get; set; } = 1;

    /// <summary>"workshopId/sourceId" of every workshop note or cluster handed over, so a retry adds nothing twice.</summary>
    public List<string> WorkshopSources { get; set; } = [];
}

/// <summary>A partner application as stored in the idea's state; its proposal is in the "proposals" row set.</summary>
public sealed class ApplicationState
{
    public string Id { get; set; } = "";

    public string PartnerId { get; set; } = "";

    public string ApplicantId { get; set; } = "";

    public DateTimeOffset Submitted { get; set; }

    public ApplicationStatus Status { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? Decided { get; set; }

    public string? DecidedBy { get; set; }
}
