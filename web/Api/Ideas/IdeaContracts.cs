using LivingLab.Ideas;
using LivingLab.Pipeline;

namespace LivingLab.Web.Api.Ideas;

/// <summary>Body of <c>POST /api/ideas</c>.</summary>
public sealed record IdeaRequest(string? Title, string? Summary, string? Category)
{
    public IdeaInput ToInput() => new(Title, Summary, Category);
}

/// <summary>Body of <c>POST /api/ideas/{id}/advance</c>: the stage to enter (a wire name), why, and evidence links.</summary>
public sealed record AdvanceRequest(string? ToStage, string? Rationale, IReadOnlyList<string?>? Evidence);

/// <summary>Body of <c>POST /api/ideas/{id}/close</c>: <c>declined</c> or <c>onHold</c>, with a public reason.</summary>
public sealed record CloseIdeaRequest(string? Status, string? Reason);

/// <summary>Body of <c>POST /api/ideas/{id}/kpis</c>.</summary>
public sealed record KpiRequest(string? Name, string? Unit, decimal? Baseline, decimal? Target)
{
    public KpiInput ToInput() => new(Name, Unit, Baseline, Target);
}

/// <summary>Body of <c>POST /api/ideas/{id}/kpis/{kpiId}/measurements</c>; <see cref="Date"/> is <c>yyyy-MM-dd</c>.</summary>
public sealed record MeasurementRequest(decimal? Value, string? Date, string? Note);

/// <summary>Body of <c>POST /api/ideas/{id}/partner-applications</c>: the partner's Markdown proposal.</summary>
public sealed record PartnerApplicationRequest(string? Proposal);

/// <summary>Body of <c>POST /api/ideas/{id}/operator</c>: <c>"town"</c> or an accepted partner's id.</summary>
public sealed record OperatorRequest(string? Operator);

/// <summary>The number of votes after a vote or its withdrawal.</summary>
public sealed record VoteCountResponse(int VoteCount);

/// <summary>A partner organisation named on an idea: its id and public name (null when it no longer exists).</summary>
public sealed record PartnerRef(string Id, string? Name);

/// <summary>Who runs the pilot: <c>kind</c> is <c>none</c>, <c>town</c> or <c>partner</c> (then with the partner).</summary>
public sealed record OperatorResponse(string Kind, PartnerRef? Partner);

/// <summary>One measured value of a KPI, with who recorded it.</summary>
public sealed record MeasurementResponse(string Id, string KpiId, decimal Value, string Date, string? Note, PersonRef RecordedBy, DateTimeOffset Recorded);

/// <summary>A KPI with every measurement of it, oldest date first.</summary>
public sealed record KpiResponse(string Id, string Name, string Unit, decimal? Baseline, decimal? Target, IReadOnlyList<MeasurementResponse> Measurements);

/// <summary>
/// A partner application. The grain lists pending and declined ones only to facilitators and the applying partner, so
/// this shape appears publicly only for accepted applications.
/// </summary>
public sealed record PartnerApplicationResponse(
    string Id,
    PartnerRef Partner,
    PersonRef Applicant,
    string Proposal,
    DateTimeOffset Submitted,
    string Status,
    string? DecisionReason,
    DateTimeOffset? Decided);

/// <summary>One condition of the next stage's gate: met or not, with its text in the request's language.</summary>
public sealed record GateConditionResponse(string Code, bool Met, string? Field, IReadOnlyDictionary<string, string> Values, string Detail);

/// <summary>
/// An idea as the API shows it: stage and status, what the next gate still needs (<see cref="NextGate"/>), who runs it,
/// its KPIs with measurements, accepted partners, and what the caller has done with it.
/// </summary>
public sealed record IdeaResponse(
    string Id,
    string Title,
    string Summary,
    string Category,
    string Stage,
    string Status,
    string? StatusReason,
    PersonRef CreatedBy,
    DateTimeOffset Created,
    DateTimeOffset StageEntered,
    IReadOnlyList<string> ChallengeIds,
    OperatorResponse Operator,
    IReadOnlyList<KpiResponse> Kpis,
    IReadOnlyList<PartnerRef> Partners,
    IReadOnlyList<PartnerApplicationResponse> Applications,
    bool WelcomesPartners,
    int VoteCount,
    int FollowerCount,
    int CommentCount,
    string? NextStage,
    IReadOnlyList<GateConditionResponse> NextGate,
    bool VotedByMe,
    bool FollowedByMe);

/// <summary>The API's names for application statuses.</summary>
public static class ApplicationStatusNames
{
    public static string Format(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "pending",
        ApplicationStatus.Accepted => "accepted",
        ApplicationStatus.Declined => "declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an application status."),
    };
}

/// <summary>The API's names for operator kinds.</summary>
public static class OperatorKindNames
{
    public static string Format(OperatorKind kind) => kind switch
    {
        OperatorKind.None => "none",
        OperatorKind.Town => "town",
        OperatorKind.Partner => "partner",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an operator kind."),
    };
}
