using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Workshops;

/// <summary>
/// One workshop (ワークショップ), keyed by its id: what it is about, when and where, and who comes (a capacity with a
/// waiting list in arrival order). Facilitators create and run it; anyone signed in registers. Checks the caller's role
/// itself.
/// </summary>
[Alias("ll.IWorkshopGrain")]
public interface IWorkshopGrain : IGrainWithStringKey
{
    /// <summary>A facilitator creates the workshop; refused with "alreadyExists" when the id is taken.</summary>
    [Alias("CreateAsync")]
    Task<CommandResult<WorkshopDetails>> CreateAsync(WorkshopInput input);

    /// <summary>
    /// A facilitator changes what the workshop is, when and where. More seats promote the first on the waiting list;
    /// fewer seats than people registered is refused ("capacityBelowRegistered").
    /// </summary>
    [Alias("EditAsync")]
    Task<CommandResult<WorkshopDetails>> EditAsync(WorkshopInput input);

    /// <summary>A facilitator calls the workshop off with a public reason; everyone registered is told.</summary>
    [Alias("CancelAsync")]
    Task<CommandResult<WorkshopDetails>> CancelAsync(string? reason);

    /// <summary>The workshop as the caller sees it (with their own registration); null when it does not exist.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<WorkshopDetails?> GetAsync();

    /// <summary>
    /// The caller registers: a seat while there is one, else the end of the waiting list. Registering again changes
    /// nothing and answers with the registration as it stands.
    /// </summary>
    [Alias("RegisterAsync")]
    Task<CommandResult<MyRegistration>> RegisterAsync();

    /// <summary>The caller withdraws; a freed seat goes to the first on the waiting list. Refused with "notRegistered".</summary>
    [Alias("UnregisterAsync")]
    Task<CommandResult> UnregisterAsync();

    /// <summary>A facilitator registers someone without an account; returns the registration as staff see it.</summary>
    [Alias("RegisterOfflineAsync")]
    Task<CommandResult<RegistrationEntry>> RegisterOfflineAsync(OfflineParticipantInput input);

    /// <summary>A facilitator withdraws any registration (a person's id or an "offline-…" id) on someone's behalf.</summary>
    [Alias("RemoveRegistrationAsync")]
    Task<CommandResult> RemoveRegistrationAsync(string registrationId);

    /// <summary>Every registration in order (seats, then the waiting list), for facilitators only.</summary>
    [ReadOnly]
    [Alias("GetRegistrationsAsync")]
    Task<CommandResult<IReadOnlyList<RegistrationEntry>>> GetRegistrationsAsync();

    /// <summary>
    /// A facilitator offers candidate slots for the date (日程調整) while the date is open; refused once anyone has
    /// answered ("pollAnswered") or the date is fixed ("dateFixed").
    /// </summary>
    [Alias("OpenPollAsync")]
    Task<CommandResult<PollView>> OpenPollAsync(IReadOnlyList<PollSlotInput> slots);

    /// <summary>The caller marks each slot ○ / △ / × with an optional comment; answering again replaces the answer.</summary>
    [Alias("AnswerPollAsync")]
    Task<CommandResult<PollView>> AnswerPollAsync(PollAnswerInput answer);

    /// <summary>The date poll as the caller sees it (names only for staff); null when the workshop has no poll.</summary>
    [ReadOnly]
    [Alias("GetPollAsync")]
    Task<PollView?> GetPollAsync();

    /// <summary>A facilitator fixes one slot as the date; everyone who answered is told.</summary>
    [Alias("FixSlotAsync")]
    Task<CommandResult<WorkshopDetails>> FixSlotAsync(string slotId);

    /// <summary>A facilitator keeps the minutes (Markdown) and a recording link; each replaces what was there.</summary>
    [Alias("RecordAsync")]
    Task<CommandResult<WorkshopDetails>> RecordAsync(WorkshopRecordInput input);

    /// <summary>
    /// Someone who held a seat rates the workshop once it has begun ("feedbackNotOpen" before; "notRegistered" without a
    /// seat); answering again replaces the answer.
    /// </summary>
    [Alias("GiveFeedbackAsync")]
    Task<CommandResult<FeedbackView>> GiveFeedbackAsync(FeedbackInput input);

    /// <summary>The feedback survey as the caller sees it (the summary only for staff); null when the workshop does not exist.</summary>
    [ReadOnly]
    [Alias("GetFeedbackAsync")]
    Task<FeedbackView?> GetFeedbackAsync();
}
