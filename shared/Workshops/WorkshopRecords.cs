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
    MyRegistration? Mine);

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
