using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Live;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.Rows;
using LivingLab.Storage;
using LivingLab.Workshops;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Ideas;

/// <summary>An idea moving through the pipeline: stage gates with recorded decisions, votes, KPIs, partners, comments.</summary>
public sealed class IdeaGrain(
    [EventedState("idea")] IEventedState<IdeaState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IIdeaGrain
{
    private const string ProposalRows = "proposals";

    // A move or a status problem is about where the idea is, not about what was sent: those come back on their own.
    private static readonly HashSet<string> PositionCodes = new(StringComparer.Ordinal) { "invalidStage", "ideaClosed", "sameStage", "notAdjacentStage" };

    private readonly StateCommitter<IdeaState> committer = new(state);
    private readonly MemberSet voters = new("voters");
    private readonly MemberSet followers = new("followers");
    private readonly ItemObservers live = new();
    private CommentThread? thread;

    // Proposals are read once per activation and kept up to date here, so showing a pilot does not read them every time.
    private Dictionary<string, string>? proposals;

    private IdeaState S => state.State;

    private bool Exists => S.Title is not null;

    private string Id => this.GetPrimaryKeyString();

    private CommentThread Thread => thread ??= new CommentThread(Id);

    private static bool CallerFacilitates => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    private IdeaOperator Operator => S.OperatorKind switch
    {
        OperatorKind.Town => IdeaOperator.Town,
        OperatorKind.Partner when S.OperatorPartnerId is { } p => IdeaOperator.Partner(p),
        _ => IdeaOperator.None,
    };

    private IReadOnlyList<string> AcceptedPartnerIds =>
        [.. S.Applications.Where(a => a.Status == ApplicationStatus.Accepted).Select(a => a.PartnerId).Distinct(StringComparer.Ordinal)];

    private GateInput Gate => new(S.Stage, S.Status, Operator, S.Kpis,
        [.. S.Measurements.Select(m => new KpiMeasurement(m.KpiId, m.Value, m.Date, m.Note))], AcceptedPartnerIds);

    public Task<CommandResult<IdeaDetails>> ProposeAsync(IdeaInput input) =>
        !Caller.IsAuthenticated ? Task.FromResult(CommandResult<IdeaDetails>.Reject("unauthenticated")) : Create(input, null);

    public Task<CommandResult<IdeaDetails>> CreateFromChallengeAsync(IdeaInput input, string challengeId)
    {
        if (!CallerFacilitates)
        {
            return Task.FromResult(CommandResult<IdeaDetails>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated"));
        }

        // A retried acceptance reaches the idea it created the first time: that is success, not a conflict.
        return Exists && S.ChallengeIds.Contains(challengeId, StringComparer.Ordinal)
            ? DetailsResult()
            : Create(input, challengeId);
    }

    public Task<CommandResult<IdeaDetails>> CreateFromWorkshopAsync(IdeaInput input, WorkshopContribution from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!CallerFacilitates)
        {
            return Task.FromResult(CommandResult<IdeaDetails>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated"));
        }

        if (WorkshopRules.Check(from) is { } invalid)
        {
            return Task.FromResult(new CommandResult<IdeaDetails>(null, invalid));
        }

        // A retried promotion reaches the idea it created the first time: that is success, not a conflict.
        return Exists && S.WorkshopSources.Contains(SourceKey(from), StringComparer.Ordinal)
            ? DetailsResult()
            : Create(input, null, from);
    }

    public async Task<CommandResult> AddWorkshopContributionAsync(WorkshopContribution from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if ((CheckFacilitator() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (WorkshopRules.Check(from) is { } invalid)
        {
            return new CommandResult(invalid);
        }

        if (!S.WorkshopSources.Contains(SourceKey(from), StringComparer.Ordinal))
        {
            S.WorkshopSources.Add(SourceKey(from));
            await committer.CommitAsync([Event(IdeaEvents.WorkshopContributed, Contributed(from, created: false))]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> LinkChallengeAsync(string challengeId)
    {
        // A closed idea is reopened first: linking new demand to it quietly would hide that from the timeline.
        if ((CheckFacilitator() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (!S.ChallengeIds.Contains(challengeId, StringComparer.Ordinal))
        {
            S.ChallengeIds.Add(challengeId);
            await committer.CommitAsync([Event(IdeaEvents.ChallengeLinked, new IdeaChallengeLinkedEvent(Id, challengeId))]);
        }

        return CommandResult.Ok;
    }

    public async Task<IdeaDetails?> GetAsync() => Exists ? await DetailsAsync() : null;

    public async Task<CommandResult<IdeaDetails>> EditAsync(IdeaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult<IdeaDetails>(null, refused);
        }

        if (IdeaRules.Check(input) is { } invalid)
        {
            return new CommandResult<IdeaDetails>(null, invalid);
        }

        var clean = IdeaRules.Normalize(input);
        if (clean.Title != S.Title || clean.Summary != S.Summary || clean.Category != S.Category)
        {
            S.Title = clean.Title;
            S.Summary = clean.Summary!;
            S.Category = clean.Category!;
            await committer.CommitAsync([Event(IdeaEvents.Edited, new IdeaEditedEvent(Id, S.Title!, S.Summary, S.Category))]);
        }

        return await DetailsResult();
    }

    public async Task<CommandResult<IdeaDetails>> AdvanceAsync(AdvanceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult<IdeaDetails>(null, refused);
        }

        if (input.ToStage is not { } to)
        {
            return CommandResult<IdeaDetails>.Reject("required", "toStage");
        }

        var gate = StageGate.Check(Gate, to);
        var rationale = StageGate.CheckRationale(input.Rationale, input.Evidence);
        if (!gate.Succeeded)
        {
            if (PositionCodes.Contains(gate.Missing[0].Code))
            {
                return new CommandResult<IdeaDetails>(null, gate.Missing[0]);
            }

            // Every missing condition at once (and any problem with the rationale), so one refusal is a full to-do list.
            var values = new Dictionary<string, string> { ["to"] = StageWireNames.Format(to) };
            return new CommandResult<IdeaDetails>(null, new Rejection("gateNotMet", "toStage", values, [.. gate.Missing, .. rationale.Missing]));
        }

        if (!rationale.Succeeded)
        {
            var first = rationale.Missing[0];
            return new CommandResult<IdeaDetails>(null, rationale.Missing.Count == 1 ? first : first with { Causes = rationale.Missing });
        }

        var from = S.Stage;
        var reopened = S.Status != IdeaStatus.Open;
        var now = clock.GetUtcNow();
        S.Status = IdeaStatus.Open;
        S.StatusReason = null;
        if (!reopened)
        {
            S.Stage = to;
        }

        if (!reopened)
        {
            // Reopening continues the stay in the same stage; the timeline shows the pause.
            S.StageEntered = now;
        }

        var evidence = (input.Evidence ?? []).Select(e => e!).ToArray();
        var advanced = new IdeaAdvancedEvent(Id, StageWireNames.Format(from), StageWireNames.Format(S.Stage), TextRules.Normalize(input.Rationale), evidence, reopened);
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(IdeaEvents.Advanced, advanced)]);
        live.Publish(snapshot);
        return await DetailsResult();
    }

    public async Task<CommandResult<IdeaDetails>> CloseAsync(IdeaStatus status, string? reason)
    {
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult<IdeaDetails>(null, refused);
        }

        var check = StageGate.CheckClose(Gate, status, reason);
        if (!check.Succeeded)
        {
            return new CommandResult<IdeaDetails>(null, check.Missing[0]);
        }

        S.Status = status;
        S.StatusReason = TextRules.Normalize(reason);
        var closed = new IdeaClosedEvent(Id, StageWireNames.Format(S.Stage), IdeaStatusWireNames.Format(status), S.StatusReason);
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(IdeaEvents.Closed, closed)]);
        live.Publish(snapshot);
        return await DetailsResult();
    }

    public async Task<CommandResult<int>> VoteAsync()
    {
        if ((CheckSignedInAndExists() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (await voters.AddAsync(state, Caller.Id!, clock.GetUtcNow()) is not { } row)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("alreadyVoted");
        }

        // The count as of this change: by the time the shared write is durable, later votes may have moved it on.
        var count = ++S.VoteCount;
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(IdeaEvents.Voted, new IdeaVoteEvent(Id, count))], [row]);
        live.Publish(snapshot);
        return CommandResult<int>.Success(count);
    }

    public async Task<CommandResult<int>> WithdrawVoteAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (await voters.RemoveAsync(state, Caller.Id!) is not { } row)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("notVoted");
        }

        // The count as of this change: by the time the shared write is durable, later votes may have moved it on.
        var count = --S.VoteCount;
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(IdeaEvents.VoteWithdrawn, new IdeaVoteEvent(Id, count))], [row]);
        live.Publish(snapshot);
        return CommandResult<int>.Success(count);
    }

    public async Task<CommandResult> FollowAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await followers.AddAsync(state, Caller.Id!, clock.GetUtcNow()) is { } row)
        {
            S.FollowerCount++;
            await committer.CommitAsync([Event(IdeaEvents.Followed, new IdeaFollowEvent(Id))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> UnfollowAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await followers.RemoveAsync(state, Caller.Id!) is { } row)
        {
            S.FollowerCount--;
            await committer.CommitAsync([Event(IdeaEvents.Unfollowed, new IdeaFollowEvent(Id))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync() =>
        Exists
            ? CommandResult<IReadOnlyList<CommentView>>.Success(await Thread.ViewAsync(state, clock.GetUtcNow()))
            : CommandResult<IReadOnlyList<CommentView>>.Reject("notFound");

    public async Task<CommandResult<CommentView>> CommentAsync(CommentInput input)
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult<CommentView>(null, refused);
        }

        var result = await Thread.PostAsync(state, input, S.NextCommentNumber, clock.GetUtcNow());
        if (result.Succeeded)
        {
            S.NextCommentNumber++;
        }

        return await WriteComment(result);
    }

    public async Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body) =>
        CheckSignedInAndExists() is { } refused
            ? new CommandResult<CommentView>(null, refused)
            : await WriteComment(await Thread.EditAsync(state, commentId, body, clock.GetUtcNow()));

    public async Task<CommandResult> DeleteCommentAsync(string commentId) =>
        CheckSignedInAndExists() is { } refused
            ? new CommandResult(refused)
            : await WriteComment(await Thread.DeleteAsync(state, commentId, clock.GetUtcNow()));

    public async Task<CommandResult> HideCommentAsync(string commentId, string? reason) =>
        CheckSignedInAndExists() is { } refused
            ? new CommandResult(refused)
            : await WriteComment(await Thread.HideAsync(state, commentId, reason, clock.GetUtcNow()));

    public async Task<CommandResult<Kpi>> AddKpiAsync(KpiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((CheckFacilitator() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult<Kpi>(null, refused);
        }

        if (S.Stage == Stage.Rollout)
        {
            // A KPI added after rollout would have no measurement the rollout decision could have looked at.
            return CommandResult<Kpi>.Reject("wrongStage", null, new Dictionary<string, string> { ["stage"] = StageWireNames.Format(S.Stage) });
        }

        if (S.Kpis.Count >= IdeaRules.MaxKpis)
        {
            return new CommandResult<Kpi>(null, TextRules.Limit("tooMany", "kpis", IdeaRules.MaxKpis));
        }

        if (IdeaRules.Check(input) is { } invalid)
        {
            return new CommandResult<Kpi>(null, invalid);
        }

        var kpi = new Kpi("k" + S.NextKpiNumber.ToString(CultureInfo.InvariantCulture), TextRules.Normalize(input.Name), TextRules.Normalize(input.Unit), input.Baseline, input.Target);
        S.NextKpiNumber++;
        S.Kpis.Add(kpi);
        await committer.CommitAsync([Event(IdeaEvents.KpiAdded, new KpiAddedEvent(Id, kpi))]);
        return CommandResult<Kpi>.Success(kpi);
    }

    public async Task<CommandResult<RecordedMeasurement>> RecordMeasurementAsync(string kpiId, MeasurementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult<RecordedMeasurement>(null, refused);
        }

        // Facilitators, and members of a partner accepted on this idea: they run the pilot and measure it.
        if (!CallerFacilitates && !(Caller.PartnerId is { } partner && AcceptedPartnerIds.Contains(partner, StringComparer.Ordinal)))
        {
            return CommandResult<RecordedMeasurement>.Reject("forbidden");
        }

        if (CheckOpen() is { } closed)
        {
            return new CommandResult<RecordedMeasurement>(null, closed);
        }

        if (!S.Kpis.Exists(k => k.Id == kpiId))
        {
            return CommandResult<RecordedMeasurement>.Reject("notFound", "kpiId");
        }

        if (S.Measurements.Count >= IdeaRules.MaxMeasurements)
        {
            return new CommandResult<RecordedMeasurement>(null, TextRules.Limit("tooMany", "value", IdeaRules.MaxMeasurements));
        }

        var now = clock.GetUtcNow();
        if (IdeaRules.Check(input, DateOnly.FromDateTime(now.UtcDateTime)) is { } invalid)
        {
            return new CommandResult<RecordedMeasurement>(null, invalid);
        }

        var note = TextRules.Normalize(input.Note);
        var measurement = new RecordedMeasurement("m" + S.NextMeasurementNumber.ToString(CultureInfo.InvariantCulture), kpiId,
            input.Value!.Value, input.Date!.Value, note.Length == 0 ? null : note, Caller.Id!, now);
        S.NextMeasurementNumber++;
        S.Measurements.Add(measurement);
        var measured = new KpiMeasuredEvent(Id, measurement.Id, kpiId, measurement.Value, measurement.Date, measurement.Note);
        await committer.CommitAsync([Event(IdeaEvents.KpiMeasured, measured)]);
        return CommandResult<RecordedMeasurement>.Success(measurement);
    }

    public async Task<CommandResult<PartnerApplication>> ApplyAsPartnerAsync(string? proposal)
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult<PartnerApplication>(null, refused);
        }

        if (Caller.PartnerId is not { } partnerId)
        {
            return CommandResult<PartnerApplication>.Reject("forbidden");
        }

        if (S.Status != IdeaStatus.Open || S.Stage is not (Stage.Research or Stage.Pilot))
        {
            return CommandResult<PartnerApplication>.Reject("notAcceptingPartners", null, new Dictionary<string, string> { ["stage"] = StageWireNames.Format(S.Stage) });
        }

        if (S.Applications.Exists(a => a.PartnerId == partnerId && a.Status != ApplicationStatus.Declined))
        {
            return CommandResult<PartnerApplication>.Reject("alreadyApplied");
        }

        if (TextRules.Text(proposal, "proposal", IdeaRules.MaxProposalLength) is { } invalid)
        {
            return new CommandResult<PartnerApplication>(null, invalid);
        }

        // Loaded before any change: between a change and its commit there must be no await (see StateCommitter).
        var texts = await ProposalsAsync();
        var application = new ApplicationState
        {
            Id = "a" + S.NextApplicationNumber.ToString(CultureInfo.InvariantCulture),
            PartnerId = partnerId,
            ApplicantId = Caller.Id!,
            Submitted = clock.GetUtcNow(),
            Status = ApplicationStatus.Pending,
        };
        S.NextApplicationNumber++;
        S.Applications.Add(application);
        var text = TextRules.Normalize(proposal);
        texts[application.Id] = text;
        await committer.CommitAsync(
            [Event(IdeaEvents.PartnerApplied, new PartnerAppliedEvent(Id, application.Id, partnerId))],
            [new RowChange(ProposalRows, application.Id, text)]);
        return CommandResult<PartnerApplication>.Success(ToRecord(application, text));
    }

    public async Task<CommandResult<PartnerApplication>> DecideApplicationAsync(string applicationId, bool accept, string? reason)
    {
        if ((CheckFacilitator() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult<PartnerApplication>(null, refused);
        }

        if (S.Applications.Find(a => a.Id == applicationId) is not { } application)
        {
            return CommandResult<PartnerApplication>.Reject("notFound", "applicationId");
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return CommandResult<PartnerApplication>.Reject("alreadyDecided");
        }

        if (!accept && TextRules.Text(reason, "reason", IdeaRules.MaxDecisionReasonLength) is { } invalid)
        {
            return new CommandResult<PartnerApplication>(null, invalid);
        }

        if (accept && TextRules.Text(reason, "reason", IdeaRules.MaxDecisionReasonLength, required: false) is { } tooLong)
        {
            return new CommandResult<PartnerApplication>(null, tooLong);
        }

        var clean = TextRules.Normalize(reason);
        application.Status = accept ? ApplicationStatus.Accepted : ApplicationStatus.Declined;
        application.DecisionReason = clean.Length == 0 ? null : clean;
        application.Decided = clock.GetUtcNow();
        application.DecidedBy = Caller.Id;
        var decided = new PartnerApplicationDecidedEvent(Id, application.Id, application.PartnerId, application.ApplicantId, accept, application.DecisionReason);
        await committer.CommitAsync([Event(IdeaEvents.ApplicationDecided, decided)]);
        var texts = await ProposalsAsync();
        return CommandResult<PartnerApplication>.Success(ToRecord(application, texts.GetValueOrDefault(application.Id, "")));
    }

    public async Task<CommandResult<IdeaDetails>> SetOperatorAsync(IdeaOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if ((CheckFacilitator() ?? CheckOpen()) is { } refused)
        {
            return new CommandResult<IdeaDetails>(null, refused);
        }

        switch (op.Kind)
        {
            case OperatorKind.Town:
                S.OperatorKind = OperatorKind.Town;
                S.OperatorPartnerId = null;
                break;
            case OperatorKind.Partner when !string.IsNullOrEmpty(op.PartnerId):
                if (!AcceptedPartnerIds.Contains(op.PartnerId, StringComparer.Ordinal))
                {
                    return CommandResult<IdeaDetails>.Reject("partnerNotAccepted", "operator", new Dictionary<string, string> { ["partnerId"] = op.PartnerId });
                }

                S.OperatorKind = OperatorKind.Partner;
                S.OperatorPartnerId = op.PartnerId;
                break;
            default:
                return CommandResult<IdeaDetails>.Reject("required", "operator");
        }

        var name = S.OperatorKind == OperatorKind.Town ? "town" : S.OperatorPartnerId!;
        await committer.CommitAsync([Event(IdeaEvents.OperatorSet, new OperatorSetEvent(Id, name))]);
        return await DetailsResult();
    }

    public async Task<IReadOnlyList<string>> GetAudienceAsync()
    {
        if (!Exists)
        {
            return [];
        }

        var people = new HashSet<string>(StringComparer.Ordinal) { S.CreatedBy };
        people.UnionWith(await voters.AllAsync(state));
        people.UnionWith(await followers.AllAsync(state));
        return [.. people];
    }

    public Task<ItemSnapshot?> SubscribeAsync(IItemObserver observer)
    {
        if (!Exists)
        {
            return Task.FromResult<ItemSnapshot?>(null);
        }

        live.Subscribe(observer, ServiceProvider);
        return Task.FromResult<ItemSnapshot?>(Current());
    }

    public Task UnsubscribeAsync(IItemObserver observer)
    {
        live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private static string SourceKey(WorkshopContribution from) => $"{from.WorkshopId}/{from.SourceId}";

    private IdeaWorkshopContributedEvent Contributed(WorkshopContribution from, bool created) =>
        new(Id, from.WorkshopId, TextRules.Normalize(from.WorkshopTitle), from.SourceId, TextRules.Normalize(from.Text), created);

    private async Task<CommandResult<IdeaDetails>> Create(IdeaInput input, string? challengeId, WorkshopContribution? from = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Exists)
        {
            return CommandResult<IdeaDetails>.Reject("alreadyExists");
        }

        if (IdeaRules.Check(input) is { } invalid)
        {
            return new CommandResult<IdeaDetails>(null, invalid);
        }

        var clean = IdeaRules.Normalize(input);
        var now = clock.GetUtcNow();
        state.State = new IdeaState
        {
            Title = clean.Title,
            Summary = clean.Summary!,
            Category = clean.Category!,
            Stage = Stage.Discovery,
            Status = IdeaStatus.Open,
            CreatedBy = Caller.Id!,
            Created = now,
            StageEntered = now,
            ChallengeIds = challengeId is null ? [] : [challengeId],
            WorkshopSources = from is null ? [] : [SourceKey(from)],
        };
        var created = new IdeaCreatedEvent(Id, S.Title!, S.Summary, S.Category, StageWireNames.Format(S.Stage), challengeId, S.CreatedBy);
        List<DomainEvent> events = [Event(IdeaEvents.Created, created)];
        if (from is not null)
        {
            events.Add(Event(IdeaEvents.WorkshopContributed, Contributed(from, created: true)));
        }

        await committer.CommitAsync(events);
        return await DetailsResult();
    }

    private async Task<CommandResult<CommentView>> WriteComment(CommandResult<CommentThread.Change> result)
    {
        if (result.Value is not { } change)
        {
            return new CommandResult<CommentView>(null, result.Rejection);
        }

        S.CommentCount += change.VisibleDelta;
        // Open pages re-read the thread on this: a comment shows up for everyone reading without a reload.
        var snapshot = Snapshot(commentsChanged: true);
        await committer.CommitAsync([change.Event], [change.Row]);
        live.Publish(snapshot);
        return CommandResult<CommentView>.Success(change.View);
    }

    // Taken in the turn of the change, so its sequence number follows the order of changes (see ItemObservers).
    // Taken in the turn that makes the change, before its commit, so revisions follow the changes' order.
    private ItemSnapshot Snapshot(bool commentsChanged = false)
    {
        var revision = ++S.LiveRevision;
        if (commentsChanged)
        {
            S.CommentRevision = revision;
        }

        return new(Id, revision, S.VoteCount, IdeaStatusWireNames.Format(S.Status), S.Stage, S.CommentRevision);
    }

    private ItemSnapshot Current() => new(Id, S.LiveRevision, S.VoteCount, IdeaStatusWireNames.Format(S.Status), S.Stage, S.CommentRevision);

    private async Task<CommandResult<IdeaDetails>> DetailsResult() => CommandResult<IdeaDetails>.Success(await DetailsAsync());

    private async Task<IdeaDetails> DetailsAsync()
    {
        var caller = Caller.Id;
        var voted = caller is not null && await voters.ContainsAsync(state, caller);
        var following = caller is not null && await followers.ContainsAsync(state, caller);
        Stage? next = S.Status == IdeaStatus.Open && S.Stage < Stage.Rollout ? S.Stage + 1 : null;
        var gate = next is { } n ? StageGate.GateChecklist(Gate, n) : [];
        return new IdeaDetails(Id, S.Title!, S.Summary, S.Category, S.Stage, S.Status, S.StatusReason, S.CreatedBy, S.Created,
            S.StageEntered, [.. S.ChallengeIds], Operator, [.. S.Kpis], [.. S.Measurements], AcceptedPartnerIds,
            await VisibleApplicationsAsync(), S.VoteCount, S.FollowerCount, S.CommentCount, next, gate, voted, following);
    }

    // Accepted partners are public; a pending or declined application is between the town and that partner.
    private async Task<IReadOnlyList<PartnerApplication>> VisibleApplicationsAsync()
    {
        var staff = CallerFacilitates;
        var own = Caller.PartnerId;
        var visible = S.Applications.Where(a => staff || a.Status == ApplicationStatus.Accepted || a.PartnerId == own).ToList();
        if (visible.Count == 0)
        {
            return [];
        }

        var texts = await ProposalsAsync();
        return [.. visible.Select(a => ToRecord(a, texts.GetValueOrDefault(a.Id, "")))];
    }

    private async Task<Dictionary<string, string>> ProposalsAsync() =>
        proposals ??= (await state.ReadRowsAsync(ProposalRows)).ToDictionary(r => r.Member, r => r.Payload, StringComparer.Ordinal);

    private static PartnerApplication ToRecord(ApplicationState a, string proposal) =>
        new(a.Id, a.PartnerId, a.ApplicantId, proposal, a.Submitted, a.Status,
            // The reason for a decline is for the partner and the staff; others see only accepted applications anyway.
            a.DecisionReason, a.Decided);

    private Rejection? CheckSignedInAndExists() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !Exists ? new Rejection("notFound")
        : null;

    private Rejection? CheckFacilitator() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !CallerFacilitates ? new Rejection("forbidden")
        : !Exists ? new Rejection("notFound")
        : null;

    private Rejection? CheckOpen() =>
        S.Status == IdeaStatus.Open ? null
        : new Rejection("ideaClosed", null, new Dictionary<string, string> { ["status"] = IdeaStatusWireNames.Format(S.Status) });

    private static DomainEvent Event(string type, object data) => new(type, data, Caller.Id);
}
