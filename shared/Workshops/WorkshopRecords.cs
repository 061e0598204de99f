using LivingLab.Pipeline;

namespace LivingLab.Workshops;

/// <summary>
/// What a facilitator writes when creating or editing a workshop. A fixed date is both times; leaving them empty leaves
/// the date open (a date poll can fix it). Place and online link are each optional, but a workshop needs one of them.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.WorkshopInput")]
public sealed record WorkshopInput(
    string? Title,
    string? Description,
    Stage? Stage,
    IReadOnlyList<string>? ChallengeIds,
    IReadOnlyList<string>? IdeaIds,
    string? Place,
    string? OnlineUrl,
    int? Capacity,
    bool GuestsAllowed,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt);

/// <summary>Whether a workshop still takes place.</summary>
[GenerateSerializer]
[Alias("ll.WorkshopStatus")]
public enum WorkshopStatus
{
    Planned,
    Cancelled,
}

/// <summary>Where one registration stands: a seat, or a place on the waiting list.</summary>
[GenerateSerializer]
[Alias("ll.RegistrationStatus")]
public enum RegistrationStatus
{
    Registered,
    Waiting,
}

/// <summary>The caller's own registration: a seat, or their place on the waiting list (1 = next to get a seat).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.MyRegistration")]
public sealed record MyRegistration(RegistrationStatus Status, int? WaitingPosition, DateTimeOffset Registered);

/// <summary>
/// A workshop as a reader sees it. Counts are public; who registered is for staff (<see cref="RegistrationEntry"/>).
/// <see cref="Minutes"/> (Markdown) and <see cref="RecordingUrl"/> are what the facilitator kept afterwards.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.WorkshopDetails")]
public sealed record WorkshopDetails(
    string Id,
    string Title,
    string Description,
    Stage Stage,
    IReadOnlyList<string> ChallengeIds,
    IReadOnlyList<string> IdeaIds,
    string Place,
    string OnlineUrl,
    int Capacity,
    bool GuestsAllowed,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    WorkshopStatus Status,
    string? StatusReason,
    string CreatedBy,
    DateTimeOffset Created,
    int RegisteredCount,
    int WaitingCount,
    MyRegistration? Mine,
    string Minutes = "",
    string RecordingUrl = "");

/// <summary>
/// Someone without an account whom staff register (a name, and how to reach them: a phone number, a neighbourhood
/// association). Kept with the workshop for staff only, never in an event.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.OfflineParticipantInput")]
public sealed record OfflineParticipantInput(string? Name, string? Contact);

/// <summary>
/// One registration as staff see it. <see cref="Id"/> is the person's id, or "offline-…" for someone registered by staff
/// (then <see cref="Name"/> and <see cref="Contact"/> are set and <see cref="PersonId"/> is null).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.RegistrationEntry")]
public sealed record RegistrationEntry(
    string Id,
    string? PersonId,
    string? Name,
    string? Contact,
    RegistrationStatus Status,
    int? WaitingPosition,
    DateTimeOffset Registered,
    string? EnteredBy);

/// <summary>One candidate time a date poll offers.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PollSlotInput")]
public sealed record PollSlotInput(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary>How one person can make a slot, as 調整さん marks it: ○ yes, △ maybe, × no.</summary>
[GenerateSerializer]
[Alias("ll.PollMark")]
public enum PollMark
{
    No,
    Maybe,
    Yes,
}

/// <summary>One person's answer to a date poll: a mark per slot (a slot left out is unanswered) and an optional comment.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PollAnswerInput")]
public sealed record PollAnswerInput(IReadOnlyDictionary<string, PollMark>? Marks, string? Comment);

/// <summary>A candidate slot with how many can come (○), perhaps (△) or cannot (×).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PollSlot")]
public sealed record PollSlot(string Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Yes, int Maybe, int No);

/// <summary>One person's answer as staff see it (the public sees only the counts).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PollAnswer")]
public sealed record PollAnswer(string PersonId, IReadOnlyDictionary<string, PollMark> Marks, string Comment, DateTimeOffset Answered);

/// <summary>
/// A workshop's date poll as the caller sees it: the slots with their counts, the caller's own answer, every answer
/// for staff (null for everyone else), and the slot the facilitator fixed once it is fixed.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PollView")]
public sealed record PollView(IReadOnlyList<PollSlot> Slots, int AnswerCount, PollAnswer? Mine, IReadOnlyList<PollAnswer>? Answers, string? FixedSlotId);

/// <summary>The wire names of <see cref="WorkshopStatus"/> (API, read models, events): "planned", "cancelled".</summary>
public static class WorkshopStatusNames
{
    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string Format(WorkshopStatus status) => status switch
    {
        WorkshopStatus.Planned => "planned",
        WorkshopStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a wire name stands for; false for anything else.</summary>
    public static bool TryParse(string? name, out WorkshopStatus status)
    {
        (var known, status) = name switch
        {
            "planned" => (true, WorkshopStatus.Planned),
            "cancelled" => (true, WorkshopStatus.Cancelled),
            _ => (false, default(WorkshopStatus)),
        };
        return known;
    }

    /// <summary>The status a stored wire name stands for; a name no version wrote is a fault.</summary>
    public static WorkshopStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new InvalidDataException($"'{name}' is not a workshop status.");
}
