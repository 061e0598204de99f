using LivingLab.Pipeline;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Workshops;

namespace LivingLab.Web.Api.Workshops;

/// <summary>Body of <c>POST /api/workshops</c>: the workshop's facts; <c>stage</c> is a wire name, the times ISO 8601.</summary>
public sealed record WorkshopRequest(
    string? Title,
    string? Description,
    string? Stage,
    IReadOnlyList<string>? ChallengeIds,
    IReadOnlyList<string>? IdeaIds,
    string? Place,
    string? OnlineUrl,
    int? Capacity,
    bool? GuestsAllowed,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt)
{
    /// <summary>The grain's input; the stage is parsed by the endpoint.</summary>
    public WorkshopInput ToInput(Stage? stage) =>
        new(Title, Description, stage, ChallengeIds, IdeaIds, Place, OnlineUrl, Capacity, GuestsAllowed ?? false, StartsAt, EndsAt);
}

/// <summary>The caller's own registration: <c>registered</c>, or <c>waiting</c> with the place on the list (1 = next).</summary>
public sealed record RegistrationResponse(string Status, int? WaitingPosition, DateTimeOffset Registered)
{
    public static RegistrationResponse From(MyRegistration mine) =>
        new(mine.Status == RegistrationStatus.Waiting ? "waiting" : "registered", mine.WaitingPosition, mine.Registered);
}

/// <summary>One workshop: public facts and counts, and <c>mine</c> (the caller's registration) when signed in and registered.</summary>
public sealed record WorkshopResponse(
    string Id,
    string Title,
    string Description,
    string Stage,
    IReadOnlyList<string> ChallengeIds,
    IReadOnlyList<string> IdeaIds,
    string Place,
    string OnlineUrl,
    int Capacity,
    bool GuestsAllowed,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string Status,
    string? StatusReason,
    DateTimeOffset Created,
    int RegisteredCount,
    int WaitingCount,
    RegistrationResponse? Mine,
    string Minutes,
    string RecordingUrl)
{
    public static WorkshopResponse From(WorkshopDetails w) => new(
        w.Id, w.Title, w.Description, StageWireNames.Format(w.Stage), w.ChallengeIds, w.IdeaIds, w.Place, w.OnlineUrl, w.Capacity,
        w.GuestsAllowed, w.StartsAt, w.EndsAt, WorkshopStatusNames.Format(w.Status), w.StatusReason, w.Created, w.RegisteredCount,
        w.WaitingCount, w.Mine is { } mine ? RegistrationResponse.From(mine) : null, w.Minutes, w.RecordingUrl);
}

/// <summary>A workshop in the public list.</summary>
public sealed record WorkshopListItemResponse(
    string Id,
    string Title,
    string Stage,
    string Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string Place,
    bool Online,
    int Capacity,
    int RegisteredCount,
    int WaitingCount,
    bool GuestsAllowed,
    bool HasPoll)
{
    public static WorkshopListItemResponse From(WorkshopListItem w) => new(
        w.Id, w.Title, StageWireNames.Format(w.Stage), WorkshopStatusNames.Format(w.Status), w.StartsAt, w.EndsAt, w.Place, w.Online,
        w.Capacity, w.RegisteredCount, w.WaitingCount, w.GuestsAllowed, w.HasPoll);
}

/// <summary>Body of <c>POST /api/workshops/{id}/poll</c>: the candidate slots.</summary>
public sealed record PollRequest(IReadOnlyList<PollSlotRequest>? Slots);

/// <summary>One candidate slot.</summary>
public sealed record PollSlotRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary>Body of <c>POST /api/workshops/{id}/poll/answers</c>: a mark per slot id (<c>yes</c>, <c>maybe</c>, <c>no</c>) and a comment.</summary>
public sealed record PollAnswerRequest(IReadOnlyDictionary<string, string>? Marks, string? Comment);

/// <summary>Body of <c>POST /api/workshops/{id}/schedule</c>: the slot that becomes the date.</summary>
public sealed record ScheduleRequest(string? SlotId);

/// <summary>Body of <c>POST /api/workshops/{id}/registrations</c>: someone without an account, registered by staff.</summary>
public sealed record OfflineRegistrationRequest(string? Name, string? Contact)
{
    // Name and contact are personal: keep them out of request logs.
    public override string ToString() => "OfflineRegistrationRequest { … }";
}

/// <summary>The date poll: slots with counts, the caller's answer, and (for staff) every answer.</summary>
public sealed record PollResponse(
    IReadOnlyList<PollSlotResponse> Slots,
    int AnswerCount,
    PollAnswerResponse? Mine,
    IReadOnlyList<PollAnswerResponse>? Answers,
    string? FixedSlotId)
{
    public static PollResponse From(PollView poll) => new(
        [.. poll.Slots.Select(s => new PollSlotResponse(s.Id, s.StartsAt, s.EndsAt, s.Yes, s.Maybe, s.No))],
        poll.AnswerCount,
        poll.Mine is { } mine ? PollAnswerResponse.From(mine) : null,
        poll.Answers is { } all ? [.. all.Select(PollAnswerResponse.From)] : null,
        poll.FixedSlotId);
}

/// <summary>A slot with how many marked it ○ (<c>yes</c>), △ (<c>maybe</c>) and × (<c>no</c>).</summary>
public sealed record PollSlotResponse(string Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Yes, int Maybe, int No);

/// <summary>One answer: the person's id, a mark per slot id, the comment.</summary>
public sealed record PollAnswerResponse(string PersonId, IReadOnlyDictionary<string, string> Marks, string Comment, DateTimeOffset Answered)
{
    public static PollAnswerResponse From(PollAnswer answer) => new(
        answer.PersonId, answer.Marks.ToDictionary(m => m.Key, m => PollMarkNames.Format(m.Value), StringComparer.Ordinal), answer.Comment, answer.Answered);
}

/// <summary>A registration as staff see it; <c>name</c> and <c>contact</c> only for someone registered without an account.</summary>
public sealed record RegistrationEntryResponse(
    string Id, string? PersonId, string? Name, string? Contact, string Status, int? WaitingPosition, DateTimeOffset Registered, string? EnteredBy)
{
    public static RegistrationEntryResponse From(RegistrationEntry r) =>
        new(r.Id, r.PersonId, r.Name, r.Contact, r.Status == RegistrationStatus.Waiting ? "waiting" : "registered", r.WaitingPosition, r.Registered, r.EnteredBy);

    // The contact is personal: keep it out of logs.
    public override string ToString() => $"RegistrationEntryResponse {{ Id = {Id} }}";
}

/// <summary>The wire names of a poll mark: <c>yes</c> (○), <c>maybe</c> (△), <c>no</c> (×).</summary>
public static class PollMarkNames
{
    /// <summary>Every wire name.</summary>
    public static readonly IReadOnlyList<string> All = ["yes", "maybe", "no"];

    public static string Format(PollMark mark) => mark switch
    {
        PollMark.Yes => "yes",
        PollMark.Maybe => "maybe",
        _ => "no",
    };

    public static bool TryParse(string? name, out PollMark mark)
    {
        (var known, mark) = name switch
        {
            "yes" => (true, PollMark.Yes),
            "maybe" => (true, PollMark.Maybe),
            "no" => (true, PollMark.No),
            _ => (false, PollMark.No),
        };
        return known;
    }
}

/// <summary>The minutes (Markdown) and recording link a facilitator keeps; each replaces what was there.</summary>
public sealed record WorkshopRecordRequest(string? Minutes, string? RecordingUrl);

/// <summary>A participant's feedback: <c>rating</c> 1–5 and an optional <c>comment</c>.</summary>
public sealed record FeedbackRequest(int? Rating, string? Comment);

/// <summary>One feedback, without who gave it.</summary>
public sealed record FeedbackEntryResponse(int Rating, string Comment, DateTimeOffset Given)
{
    public static FeedbackEntryResponse From(FeedbackEntry e) => new(e.Rating, e.Comment, e.Given);
}

/// <summary>For staff: how many answered, the mean, how many gave each rating (<c>ratings[0]</c> counts the 1s), the comments.</summary>
public sealed record FeedbackSummaryResponse(int Count, double? Average, IReadOnlyList<int> Ratings, IReadOnlyList<FeedbackEntryResponse> Comments);

/// <summary>The feedback survey as the caller sees it: <c>open</c> (they may answer now), <c>mine</c>, and <c>summary</c> for staff.</summary>
public sealed record FeedbackResponse(bool Open, FeedbackEntryResponse? Mine, FeedbackSummaryResponse? Summary)
{
    public static FeedbackResponse From(FeedbackView v) => new(v.Open, v.Mine is { } mine ? FeedbackEntryResponse.From(mine) : null,
        v.Summary is { } s ? new FeedbackSummaryResponse(s.Count, s.Average, s.Ratings, [.. s.Comments.Select(FeedbackEntryResponse.From)]) : null);
}
