namespace LivingLab.Workshops;

/// <summary>
/// The events a workshop records (JSON, camelCase). They name people by id only: someone registered by staff appears as
/// an "offline-…" registration id, never by name or contact.
/// </summary>
public static class WorkshopEvents
{
    public const string Created = "WorkshopCreated";
    public const string Edited = "WorkshopEdited";
    public const string Cancelled = "WorkshopCancelled";
    public const string Registered = "WorkshopRegistered";
    public const string RegistrationCancelled = "WorkshopRegistrationCancelled";
    public const string Promoted = "WorkshopRegistrationPromoted";
    public const string PollOpened = "WorkshopPollOpened";
    public const string PollAnswered = "WorkshopPollAnswered";
    public const string Scheduled = "WorkshopScheduled";
    public const string Recorded = "WorkshopRecorded";
    public const string FeedbackGiven = "WorkshopFeedbackGiven";
}

/// <summary>WorkshopCreated / WorkshopEdited: the workshop's public facts after the change (times null while the date is open).</summary>
public sealed record WorkshopFactsEvent(
    string WorkshopId,
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
    DateTimeOffset? EndsAt);

/// <summary>WorkshopCancelled: the public reason; everyone registered is told.</summary>
public sealed record WorkshopCancelledEvent(string WorkshopId, string Reason, IReadOnlyList<string> RegisteredPersonIds);

/// <summary>
/// WorkshopRegistered: a seat or a place on the waiting list. PersonId is null for someone staff registered; the
/// counts are those after the change.
/// </summary>
public sealed record WorkshopRegisteredEvent(string WorkshopId, string RegistrationId, string? PersonId, string Status, int RegisteredCount, int WaitingCount);

/// <summary>WorkshopRegistrationCancelled: a registration withdrawn (by its person, or by staff), with the counts after it.</summary>
public sealed record WorkshopRegistrationCancelledEvent(string WorkshopId, string RegistrationId, string? PersonId, string Status, int RegisteredCount, int WaitingCount);

/// <summary>WorkshopRegistrationPromoted: the first on the waiting list got a freed seat; PersonId (if any) is told.</summary>
public sealed record WorkshopPromotedEvent(string WorkshopId, string RegistrationId, string? PersonId);

/// <summary>WorkshopPollOpened: the candidate slots (ids and times).</summary>
public sealed record WorkshopPollOpenedEvent(string WorkshopId, IReadOnlyList<WorkshopPollSlotEvent> Slots);

/// <summary>One candidate slot in an event.</summary>
public sealed record WorkshopPollSlotEvent(string SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>WorkshopPollAnswered: someone (the actor) answered or changed their answer; the marks stay with the workshop.</summary>
public sealed record WorkshopPollAnsweredEvent(string WorkshopId, int AnswerCount);

/// <summary>WorkshopScheduled: the facilitator fixed a slot; everyone who answered the poll is told.</summary>
public sealed record WorkshopScheduledEvent(string WorkshopId, string SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> AnsweredPersonIds);

/// <summary>WorkshopRecorded: the facilitator changed the minutes or the recording link (both public, as stored).</summary>
public sealed record WorkshopRecordedEvent(string WorkshopId, string Minutes, string RecordingUrl);

/// <summary>
/// WorkshopFeedbackGiven: someone (the actor) rated the workshop or changed their rating; the comment stays with the
/// workshop, for staff.
/// </summary>
public sealed record WorkshopFeedbackGivenEvent(string WorkshopId, int Rating, int FeedbackCount);
