using LivingLab.Pipeline;

namespace LivingLab.Ideas;

/// <summary>What a facilitator or resident writes when creating an idea: a title, a Markdown summary and a category.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.IdeaInput")]
public sealed record IdeaInput(string? Title, string? Summary, string? Category);

/// <summary>What a facilitator sends to move an idea: the stage to enter, why, and links to the evidence.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.AdvanceInput")]
public sealed record AdvanceInput(Stage? ToStage, string? Rationale, IReadOnlyList<string?>? Evidence);

/// <summary>A KPI as a facilitator defines it; the pilot gate wants all of name, unit, baseline and target.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.KpiInput")]
public sealed record KpiInput(string? Name, string? Unit, decimal? Baseline, decimal? Target);

/// <summary>One measured value of a KPI.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.MeasurementInput")]
public sealed record MeasurementInput(decimal? Value, DateOnly? Date, string? Note);

/// <summary>Where a partner application stands.</summary>
[GenerateSerializer]
[Alias("ll.ApplicationStatus")]
public enum ApplicationStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A partner organisation's application to join an idea, with its Markdown proposal. Pending and declined applications
/// are seen by facilitators and the applying partner only; accepted partners are public.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PartnerApplication")]
public sealed record PartnerApplication(
    string Id,
    string PartnerId,
    string ApplicantId,
    string Proposal,
    DateTimeOffset Submitted,
    ApplicationStatus Status,
    string? DecisionReason,
    DateTimeOffset? Decided);

/// <summary>A measured value with who recorded it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.RecordedMeasurement")]
public sealed record RecordedMeasurement(string Id, string KpiId, decimal Value, DateOnly Date, string? Note, string RecordedBy, DateTimeOffset Recorded);

/// <summary>
/// An idea as the caller sees it: where it stands, what its next gate needs, who runs and supports it, and how its KPIs
/// are doing. Applications other than accepted ones are listed only for facilitators and the applying partner.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.IdeaDetails")]
public sealed record IdeaDetails(
    string Id,
    string Title,
    string Summary,
    string Category,
    Stage Stage,
    IdeaStatus Status,
    string? StatusReason,
    string CreatedBy,
    DateTimeOffset Created,
    DateTimeOffset StageEntered,
    IReadOnlyList<string> ChallengeIds,
    IdeaOperator Operator,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<RecordedMeasurement> Measurements,
    IReadOnlyList<string> AcceptedPartnerIds,
    IReadOnlyList<PartnerApplication> Applications,
    int VoteCount,
    int FollowerCount,
    int CommentCount,
    Stage? NextStage,
    IReadOnlyList<GateCondition> NextGate,
    bool VotedByCaller,
    bool FollowedByCaller)
{
    /// <summary>Whether partners may apply now (open, in research or pilot).</summary>
    public bool WelcomesPartners => Status == IdeaStatus.Open && Stage is Stage.Research or Stage.Pilot;
}
