using LivingLab.Common;
using LivingLab.Hosting;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.Rows;
using LivingLab.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Workshops;

/// <summary>
/// A workshop: its facts, its date and place, and its registrations with a waiting list in arrival order. What is kept
/// afterwards (minutes, recording, feedback) is in WorkshopGrain.Record.cs.
/// </summary>
public sealed partial class WorkshopGrain(
    [EventedState("workshop")] IEventedState<WorkshopState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IWorkshopGrain
{
    private const string OfflinePrefix = "offline-";

    private readonly StateCommitter<WorkshopState> committer = new(state);
    private readonly WorkshopRegistrations registrations = new();
    private readonly RowMap<PollAnswerRow> answers = new("poll");

    private WorkshopState S => state.State;

    private bool Exists => S.Title is not null;

    private string Id => this.GetPrimaryKeyString();

    private static bool CallerFacilitates => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    public async Task<CommandResult<WorkshopDetails>> CreateAsync(WorkshopInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckFacilitator(mustExist: false) is { } refused)
        {
            return new CommandResult<WorkshopDetails>(null, refused);
        }

        if (Exists)
        {
            return CommandResult<WorkshopDetails>.Reject("alreadyExists");
        }

        if (WorkshopRules.Check(input) is { } invalid)
        {
            return new CommandResult<WorkshopDetails>(null, invalid);
        }

        var clean = WorkshopRules.Normalize(input);
        state.State = new WorkshopState
        {
            Status = WorkshopStatus.Planned,
            CreatedBy = Caller.Id!,
            Created = clock.GetUtcNow(),
        };
        Apply(clean);
        await committer.CommitAsync([Event(WorkshopEvents.Created, Facts())]);
        return await DetailsResultAsync();
    }

    public async Task<CommandResult<WorkshopDetails>> EditAsync(WorkshopInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((CheckFacilitator() ?? CheckPlanned()) is { } refused)
        {
            return new CommandResult<WorkshopDetails>(null, refused);
        }

        if (WorkshopRules.Check(input) is { } invalid)
        {
            return new CommandResult<WorkshopDetails>(null, invalid);
        }

        if (input.Capacity < S.RegisteredCount)
        {
            return new CommandResult<WorkshopDetails>(null, new Rejection("capacityBelowRegistered", "capacity",
                new Dictionary<string, string> { ["registered"] = S.RegisteredCount.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        await registrations.LoadAsync(state);
        Apply(WorkshopRules.Normalize(input));
        // A date typed in by hand that is not the fixed slot's any more: the poll's choice no longer holds.
        if (S.PollSlots.Find(p => p.Id == S.FixedSlotId) is { } fixedSlot && (fixedSlot.StartsAt != S.StartsAt || fixedSlot.EndsAt != S.EndsAt))
        {
            S.FixedSlotId = null;
        }

        var events = new List<DomainEvent> { Event(WorkshopEvents.Edited, Facts()) };
        var rows = new List<RowChange>();
        // More seats go to those waiting, in the order they came.
        while (S.RegisteredCount < S.Capacity && registrations.FirstWaiting() is { } next)
        {
            rows.Add(Promote(next.Id, next.Row, events));
        }

        await committer.CommitAsync(events, rows);
        return await DetailsResultAsync();
    }

    public async Task<CommandResult<WorkshopDetails>> CancelAsync(string? reason)
    {
        if ((CheckFacilitator() ?? CheckPlanned()) is { } refused)
        {
            return new CommandResult<WorkshopDetails>(null, refused);
        }

        if (WorkshopRules.CheckReason(reason) is { } invalid)
        {
            return new CommandResult<WorkshopDetails>(null, invalid);
        }

        await registrations.LoadAsync(state);
        S.Status = WorkshopStatus.Cancelled;
        S.StatusReason = TextRules.Normalize(reason);
        var told = registrations.Ordered().Where(r => !r.Id.StartsWith(OfflinePrefix, StringComparison.Ordinal)).Select(r => r.Id).ToList();
        await committer.CommitAsync([Event(WorkshopEvents.Cancelled, new WorkshopCancelledEvent(Id, S.StatusReason, told))]);
        return await DetailsResultAsync();
    }

    public async Task<WorkshopDetails?> GetAsync() => Exists ? await DetailsAsync() : null;

    public async Task<CommandResult<MyRegistration>> RegisterAsync()
    {
        if ((CheckSignedInAndExists() ?? CheckOpenForRegistration()) is { } refused)
        {
            return new CommandResult<MyRegistration>(null, refused);
        }

        await registrations.LoadAsync(state);
        var me = Caller.Id!;
        if (registrations.Find(me) is { } existing)
        {
            // A second click, a retry, another tab: the registration as it stands, once it is durable.
            await committer.WhenDurableAsync();
            return CommandResult<MyRegistration>.Success(Mine(existing));
        }

        var (row, change, registered) = Add(me, null);
        await committer.CommitAsync([registered], [change]);
        return CommandResult<MyRegistration>.Success(Mine(row));
    }

    public async Task<CommandResult> UnregisterAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult(refused);
        }

        return await WithdrawAsync(Caller.Id!);
    }

    public async Task<CommandResult<RegistrationEntry>> RegisterOfflineAsync(OfflineParticipantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((CheckFacilitator() ?? CheckOpenForRegistration()) is { } refused)
        {
            return new CommandResult<RegistrationEntry>(null, refused);
        }

        if (WorkshopRules.Check(input) is { } invalid)
        {
            return new CommandResult<RegistrationEntry>(null, invalid);
        }

        await registrations.LoadAsync(state);
        var id = OfflinePrefix + Ids.New();
        var (row, change, registered) = Add(id, input);
        await committer.CommitAsync([registered], [change]);
        return CommandResult<RegistrationEntry>.Success(Entry(id, row));
    }

    public async Task<CommandResult> RemoveRegistrationAsync(string registrationId)
    {
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult(refused);
        }

        return await WithdrawAsync(registrationId ?? "");
    }

    public async Task<CommandResult<IReadOnlyList<RegistrationEntry>>> GetRegistrationsAsync()
    {
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult<IReadOnlyList<RegistrationEntry>>(null, refused);
        }

        await registrations.LoadAsync(state);
        return CommandResult<IReadOnlyList<RegistrationEntry>>.Success([.. registrations.Ordered().Select(r => Entry(r.Id, r.Row, r.Position))]);
    }

    public async Task<CommandResult<PollView>> OpenPollAsync(IReadOnlyList<PollSlotInput> slots)
    {
        if ((CheckFacilitator() ?? CheckPlanned()) is { } refused)
        {
            return new CommandResult<PollView>(null, refused);
        }

        if (S.StartsAt is not null)
        {
            return CommandResult<PollView>.Reject("dateFixed");
        }

        if (S.PollAnswerCount > 0)
        {
            // People answered these slots: changing them now would turn their ○ into a ○ for another time.
            return CommandResult<PollView>.Reject("pollAnswered");
        }

        if (WorkshopRules.CheckPoll(slots) is { } invalid)
        {
            return new CommandResult<PollView>(null, invalid);
        }

        await answers.LoadAsync(state);
        S.PollSlots = [.. slots.OrderBy(s => s.StartsAt).Select(s => new PollSlotState
        {
            Id = Ids.New(),
            StartsAt = s.StartsAt!.Value.ToUniversalTime(),
            EndsAt = s.EndsAt!.Value.ToUniversalTime(),
        })];
        S.FixedSlotId = null;
        await committer.CommitAsync([Event(WorkshopEvents.PollOpened, new WorkshopPollOpenedEvent(Id,
            [.. S.PollSlots.Select(s => new WorkshopPollSlotEvent(s.Id, s.StartsAt, s.EndsAt))]))]);
        return CommandResult<PollView>.Success(PollViewForCaller());
    }

    public async Task<CommandResult<PollView>> AnswerPollAsync(PollAnswerInput answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if ((CheckSignedInAndExists() ?? CheckPlanned() ?? CheckPollOpen()) is { } refused)
        {
            return new CommandResult<PollView>(null, refused);
        }

        if (WorkshopRules.CheckAnswer(answer, [.. S.PollSlots.Select(s => s.Id)]) is { } invalid)
        {
            return new CommandResult<PollView>(null, invalid);
        }

        await answers.LoadAsync(state);
        var me = Caller.Id!;
        var comment = TextRules.Normalize(answer.Comment);
        if (answers.Find(me) is { } previous)
        {
            if (previous.Comment == comment && previous.Marks.Count == answer.Marks!.Count
                && previous.Marks.All(m => answer.Marks.TryGetValue(m.Key, out var mark) && mark == m.Value))
            {
                // The same answer again (a resent form): nothing to write or tell.
                return CommandResult<PollView>.Success(PollViewForCaller());
            }
        }
        else
        {
            S.PollAnswerCount++;
        }

        var row = answers.Put(me, new PollAnswerRow(new Dictionary<string, PollMark>(answer.Marks!, StringComparer.Ordinal),
            comment, clock.GetUtcNow()));
        await committer.CommitAsync([Event(WorkshopEvents.PollAnswered, new WorkshopPollAnsweredEvent(Id, S.PollAnswerCount))], [row]);
        return CommandResult<PollView>.Success(PollViewForCaller());
    }

    public async Task<PollView?> GetPollAsync()
    {
        if (!Exists || S.PollSlots.Count == 0)
        {
            return null;
        }

        await answers.LoadAsync(state);
        return PollViewForCaller();
    }

    public async Task<CommandResult<WorkshopDetails>> FixSlotAsync(string slotId)
    {
        if ((CheckFacilitator() ?? CheckPlanned()) is { } refused)
        {
            return new CommandResult<WorkshopDetails>(null, refused);
        }

        if (S.PollSlots.FirstOrDefault(s => s.Id == slotId) is not { } slot)
        {
            return CommandResult<WorkshopDetails>.Reject("unknownSlot", "slotId");
        }

        if (S.FixedSlotId == slotId)
        {
            return await DetailsResultAsync();
        }

        await answers.LoadAsync(state);
        S.FixedSlotId = slot.Id;
        S.StartsAt = slot.StartsAt;
        S.EndsAt = slot.EndsAt;
        var answered = answers.All.Keys.Order(StringComparer.Ordinal).ToList();
        await committer.CommitAsync([Event(WorkshopEvents.Scheduled, new WorkshopScheduledEvent(Id, slot.Id, slot.StartsAt, slot.EndsAt, answered))]);
        return await DetailsResultAsync();
    }

    private PollView PollViewForCaller() => WorkshopPoll.View(S, answers.All, Caller.Id, CallerFacilitates);

    // A seat while one is free, else the end of the waiting list; the arrival number keeps that order across activations.
    private (RegistrationRow Row, RowChange Change, DomainEvent Event) Add(string id, OfflineParticipantInput? offline)
    {
        var waiting = S.RegisteredCount >= S.Capacity;
        var row = new RegistrationRow(S.NextArrival++, clock.GetUtcNow(), waiting,
            offline is null ? null : TextRules.Normalize(offline.Name),
            offline is null ? null : TextRules.Normalize(offline.Contact),
            offline is null ? null : Caller.Id);
        if (waiting)
        {
            S.WaitingCount++;
        }
        else
        {
            S.RegisteredCount++;
        }

        var change = registrations.Put(id, row);
        var registered = Event(WorkshopEvents.Registered, new WorkshopRegisteredEvent(
            Id, id, PersonOf(id), StatusName(waiting), S.RegisteredCount, S.WaitingCount));
        return (row, change, registered);
    }

    private async Task<CommandResult> WithdrawAsync(string id)
    {
        await registrations.LoadAsync(state);
        if (registrations.Find(id) is not { } row)
        {
            await committer.WhenDurableAsync();
            return CommandResult.Reject("notRegistered");
        }

        var rows = new List<RowChange> { registrations.Remove(id) };
        if (row.Waiting)
        {
            S.WaitingCount--;
        }
        else
        {
            S.RegisteredCount--;
        }

        var events = new List<DomainEvent>
        {
            Event(WorkshopEvents.RegistrationCancelled, new WorkshopRegistrationCancelledEvent(
                Id, id, PersonOf(id), StatusName(row.Waiting), S.RegisteredCount, S.WaitingCount)),
        };
        // A freed seat goes to the first waiting, unless the workshop is off (then nobody needs a seat).
        if (!row.Waiting && S.Status == WorkshopStatus.Planned && registrations.FirstWaiting() is { } next)
        {
            rows.Add(Promote(next.Id, next.Row, events));
        }

        await committer.CommitAsync(events, rows);
        return CommandResult.Ok;
    }

    private RowChange Promote(string id, RegistrationRow row, List<DomainEvent> events)
    {
        S.WaitingCount--;
        S.RegisteredCount++;
        events.Add(Event(WorkshopEvents.Promoted, new WorkshopPromotedEvent(Id, id, PersonOf(id))));
        return registrations.Put(id, row with { Waiting = false });
    }

    private void Apply(WorkshopInput clean)
    {
        S.Title = clean.Title;
        S.Description = clean.Description ?? "";
        S.Stage = clean.Stage!.Value;
        S.ChallengeIds = [.. clean.ChallengeIds ?? []];
        S.IdeaIds = [.. clean.IdeaIds ?? []];
        S.Place = clean.Place ?? "";
        S.OnlineUrl = clean.OnlineUrl ?? "";
        S.Capacity = clean.Capacity!.Value;
        S.GuestsAllowed = clean.GuestsAllowed;
        S.StartsAt = clean.StartsAt?.ToUniversalTime();
        S.EndsAt = clean.EndsAt?.ToUniversalTime();
    }

    private WorkshopFactsEvent Facts() => new(Id, S.Title!, S.Description, StageWireNames.Format(S.Stage), [.. S.ChallengeIds],
        [.. S.IdeaIds], S.Place, S.OnlineUrl, S.Capacity, S.GuestsAllowed, S.StartsAt, S.EndsAt);

    private MyRegistration Mine(RegistrationRow row) =>
        new(row.Waiting ? RegistrationStatus.Waiting : RegistrationStatus.Registered, row.Waiting ? registrations.PositionOf(row) : null, row.At);

    private RegistrationEntry Entry(string id, RegistrationRow row) => Entry(id, row, row.Waiting ? registrations.PositionOf(row) : null);

    private static RegistrationEntry Entry(string id, RegistrationRow row, int? position) =>
        new(id, PersonOf(id), row.Name, row.Contact, row.Waiting ? RegistrationStatus.Waiting : RegistrationStatus.Registered,
            position, row.At, row.EnteredBy);

    private async Task<CommandResult<WorkshopDetails>> DetailsResultAsync() => CommandResult<WorkshopDetails>.Success(await DetailsAsync());

    private async Task<WorkshopDetails> DetailsAsync()
    {
        MyRegistration? mine = null;
        if (Caller.Id is { } me)
        {
            await registrations.LoadAsync(state);
            mine = registrations.Find(me) is { } row ? Mine(row) : null;
        }

        return new WorkshopDetails(Id, S.Title!, S.Description, S.Stage, [.. S.ChallengeIds], [.. S.IdeaIds], S.Place, S.OnlineUrl,
            S.Capacity, S.GuestsAllowed, S.StartsAt, S.EndsAt, S.Status, S.StatusReason, S.CreatedBy, S.Created,
            S.RegisteredCount, S.WaitingCount, mine, S.Minutes, S.RecordingUrl);
    }

    private static string? PersonOf(string registrationId) =>
        registrationId.StartsWith(OfflinePrefix, StringComparison.Ordinal) ? null : registrationId;

    private static string StatusName(bool waiting) => waiting ? "waiting" : "registered";

    private Rejection? CheckSignedInAndExists() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !Exists ? new Rejection("notFound")
        : null;

    private Rejection? CheckFacilitator(bool mustExist = true) =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !CallerFacilitates ? new Rejection("forbidden")
        : mustExist && !Exists ? new Rejection("notFound")
        : null;

    private Rejection? CheckPollOpen() =>
        S.PollSlots.Count == 0 ? new Rejection("noPoll")
        : S.StartsAt is not null ? new Rejection("dateFixed")
        : null;

    private Rejection? CheckPlanned() =>
        S.Status == WorkshopStatus.Cancelled ? new Rejection("workshopCancelled") : null;

    // Registration stays open until the workshop ends: someone may still come late, or join online.
    private Rejection? CheckOpenForRegistration() =>
        CheckPlanned() ?? (S.EndsAt is { } ends && ends <= clock.GetUtcNow() ? new Rejection("workshopEnded") : null);

    private static DomainEvent Event(string type, object data) => new(type, data, Caller.Id);
}
