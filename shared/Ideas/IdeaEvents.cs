using LivingLab.Pipeline;

namespace LivingLab.Ideas;

/// <summary>
/// The events an idea records, with their public payloads (JSON, camelCase; stages and statuses as wire names). The
/// public timeline, the lists, the pipeline statistics and the exports are built from these.
/// </summary>
public static class IdeaEvents
{
    public const string Created = "IdeaCreated";
    public const string Edited = "IdeaEdited";
    public const string ChallengeLinked = "IdeaChallengeLinked";
    public const string Advanced = "IdeaAdvanced";
    public const string Closed = "IdeaClosed";
    public const string Voted = "IdeaVoted";
    public const string VoteWithdrawn = "IdeaVoteWithdrawn";
    public const string Followed = "IdeaFollowed";
    public const string Unfollowed = "IdeaUnfollowed";
    public const string KpiAdded = "KpiAdded";
    public const string KpiMeasured = "KpiMeasured";
    public const string PartnerApplied = "PartnerApplied";
    public const string ApplicationDecided = "PartnerApplicationDecided";
    public const string OperatorSet = "OperatorSet";
    public const string WorkshopContributed = "IdeaWorkshopContributed";
}

/// <summary>IdeaCreated: a new idea in discovery, from a challenge or proposed by a resident.</summary>
public sealed record IdeaCreatedEvent(string IdeaId, string Title, string Summary, string Category, string Stage, string? ChallengeId, string CreatedBy);

/// <summary>IdeaEdited: a facilitator reworded the idea (a title copied from a resident's challenge, a clearer summary).</summary>
public sealed record IdeaEditedEvent(string IdeaId, string Title, string Summary, string Category);

/// <summary>IdeaChallengeLinked: one more challenge leads to this idea.</summary>
public sealed record IdeaChallengeLinkedEvent(string IdeaId, string ChallengeId);

/// <summary>
/// IdeaAdvanced: a move forward, back, or a reopening (From == To). Who is the event's actor; when, its time.
/// </summary>
public sealed record IdeaAdvancedEvent(string IdeaId, string From, string To, string Rationale, IReadOnlyList<string> Evidence, bool Reopened);

/// <summary>IdeaClosed: declined or on hold, with the public reason; the stage it was in stays.</summary>
public sealed record IdeaClosedEvent(string IdeaId, string Stage, string Status, string Reason);

/// <summary>IdeaVoted / IdeaVoteWithdrawn: the count after the change.</summary>
public sealed record IdeaVoteEvent(string IdeaId, int VoteCount);

/// <summary>IdeaFollowed / IdeaUnfollowed (the person is the event's actor).</summary>
public sealed record IdeaFollowEvent(string IdeaId);

/// <summary>KpiAdded: the KPI as defined.</summary>
public sealed record KpiAddedEvent(string IdeaId, Kpi Kpi);

/// <summary>KpiMeasured: one measured value.</summary>
public sealed record KpiMeasuredEvent(string IdeaId, string MeasurementId, string KpiId, decimal Value, DateOnly Date, string? Note);

/// <summary>PartnerApplied: which partner applied (the proposal itself stays with the idea until accepted).</summary>
public sealed record PartnerAppliedEvent(string IdeaId, string ApplicationId, string PartnerId);

/// <summary>PartnerApplicationDecided: accepted or declined, with the reason for a decline; ApplicantId is told.</summary>
public sealed record PartnerApplicationDecidedEvent(string IdeaId, string ApplicationId, string PartnerId, string ApplicantId, bool Accepted, string? Reason);

/// <summary>OperatorSet: "town", or the partner's id.</summary>
public sealed record OperatorSetEvent(string IdeaId, string Operator);

/// <summary>
/// IdeaWorkshopContributed: a note or cluster from a workshop's board became this idea (<see cref="Created"/>) or was
/// added to it; public, with the workshop's title so the timeline links back without asking the workshop.
/// </summary>
public sealed record IdeaWorkshopContributedEvent(string IdeaId, string WorkshopId, string WorkshopTitle, string SourceId, string Text, bool Created);
