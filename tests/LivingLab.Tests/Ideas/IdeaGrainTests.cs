using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using Orleans;
using LivingLab.Storage;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.Ideas;

/// <summary>The grain's behaviour through the real runtime, on SQLite and on PostgreSQL.</summary>
public abstract class IdeaGrainTests(string provider)
{
    private string Provider => provider;

    private const string Partner = "partner-tobishima";

    private static readonly IdeaInput Delivery = new("離島の電動モビリティ配送", "飛島の買い物を**電動モビリティ**で届ける。", "transport");

    private static async Task<IIdeaGrain> ProposedAsync(TestSilo silo)
    {
        var grain = silo.Grain<IIdeaGrain>(Ids.New());
        Callers.Resident("resident-1");
        Assert.True((await grain.ProposeAsync(Delivery)).Succeeded);
        return grain;
    }

    private static async Task<IdeaDetails> MoveAsync(IIdeaGrain grain, Stage to)
    {
        Callers.Facilitator();
        var moved = await grain.AdvanceAsync(new AdvanceInput(to, "島民説明会で合意", ["https://town.example.jp/minutes/1"]));
        Assert.True(moved.Succeeded, moved.Rejection?.ToString());
        return moved.Value!;
    }

    private static async Task<IIdeaGrain> InResearchWithAcceptedPartnerAsync(TestSilo silo)
    {
        var grain = await ProposedAsync(silo);
        await MoveAsync(grain, Stage.Research);
        Callers.PartnerMember("member-1", Partner);
        var applied = await grain.ApplyAsPartnerAsync("電動カートを2台提供し、運行データを共有します。");
        Callers.Facilitator();
        Assert.True((await grain.DecideApplicationAsync(applied.Value!.Id, accept: true, null)).Succeeded);
        return grain;
    }

    [Fact]
    public async Task A_proposed_idea_starts_in_discovery_and_anonymous_callers_cannot_propose()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Anonymous();
        var anonymous = await silo.Grain<IIdeaGrain>(Ids.New()).ProposeAsync(Delivery);

        var idea = (await (await ProposedAsync(silo)).GetAsync())!;

        Assert.Equal("unauthenticated", anonymous.Rejection!.Code);
        Assert.Equal((Stage.Discovery, IdeaStatus.Open, Stage.Research), (idea.Stage, idea.Status, idea.NextStage));
        Assert.Empty(idea.NextGate);
    }

    [Fact]
    public async Task Only_facilitators_advance_and_each_move_records_who_when_from_to_why_and_evidence()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.Resident("resident-1");
        var byResident = await grain.AdvanceAsync(new AdvanceInput(Stage.Research, "進めたい", []));
        silo.Clock.Advance(TimeSpan.FromDays(3));

        var moved = await MoveAsync(grain, Stage.Research);

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(Stage.Research, moved.Stage);
        Assert.Equal(silo.Clock.GetUtcNow(), moved.StageEntered);
        var advanced = Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == IdeaEvents.Advanced);
        Assert.Equal("staff-1", advanced.ActorId);
        Assert.Equal(silo.Clock.GetUtcNow(), advanced.OccurredAt);
        foreach (var part in new[] { "\"from\":\"discovery\"", "\"to\":\"research\"", "島民説明会で合意", "https://town.example.jp/minutes/1" })
        {
            Assert.Contains(part, advanced.Payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_move_skipping_a_stage_or_without_a_rationale_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.Facilitator();

        var skip = await grain.AdvanceAsync(new AdvanceInput(Stage.Pilot, "急ぎ", []));
        var noWhy = await grain.AdvanceAsync(new AdvanceInput(Stage.Research, " ", []));
        var badLink = await grain.AdvanceAsync(new AdvanceInput(Stage.Research, "理由", ["javascript:alert(1)"]));

        Assert.Equal("notAdjacentStage", skip.Rejection!.Code);
        Assert.Equal(("required", "rationale"), (noWhy.Rejection!.Code, noWhy.Rejection.Field));
        Assert.Equal(("invalidUrl", "evidence"), (badLink.Rejection!.Code, badLink.Rejection.Field));
        Assert.Equal(Stage.Discovery, (await grain.GetAsync())!.Stage);
    }

    [Fact]
    public async Task The_pilot_gate_lists_every_missing_condition()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        await MoveAsync(grain, Stage.Research);
        Callers.Facilitator();

        var refused = await grain.AdvanceAsync(new AdvanceInput(Stage.Pilot, "実証したい", []));

        Assert.Equal(("gateNotMet", "toStage"), (refused.Rejection!.Code, refused.Rejection.Field));
        Assert.Equal(["operatorRequired", "kpiRequired"], refused.Rejection.Causes!.Select(c => c.Code));
        var checklist = (await grain.GetAsync())!.NextGate;
        Assert.Equal([("operatorRequired", false), ("kpiRequired", false)], checklist.Select(c => (c.Code, c.Met)));
    }

    [Fact]
    public async Task A_partner_applies_in_research_is_accepted_runs_the_pilot_and_the_idea_enters_pilot()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.PartnerMember("member-1", Partner);
        var tooEarly = await grain.ApplyAsPartnerAsync("提案");
        await MoveAsync(grain, Stage.Research);
        Callers.Resident("resident-1");
        var notPartner = await grain.ApplyAsPartnerAsync("提案");
        Callers.PartnerMember("member-1", Partner);
        var applied = await grain.ApplyAsPartnerAsync("電動カートを2台提供します。");
        var twice = await grain.ApplyAsPartnerAsync("もう一度");
        Callers.Facilitator();
        var notYet = await grain.SetOperatorAsync(IdeaOperator.Partner(Partner));
        var accepted = await grain.DecideApplicationAsync(applied.Value!.Id, accept: true, null);
        var operatorSet = await grain.SetOperatorAsync(IdeaOperator.Partner(Partner));
        var kpi = await grain.AddKpiAsync(new KpiInput("配送件数", "件/月", 0, 120));
        var entered = await grain.AdvanceAsync(new AdvanceInput(Stage.Pilot, "パートナーとKPIが揃った", []));

        Assert.Equal("notAcceptingPartners", tooEarly.Rejection!.Code);
        Assert.Equal("forbidden", notPartner.Rejection!.Code);
        Assert.Equal("alreadyApplied", twice.Rejection!.Code);
        Assert.Equal("partnerNotAccepted", notYet.Rejection!.Code);
        Assert.Equal(ApplicationStatus.Accepted, accepted.Value!.Status);
        Assert.True(operatorSet.Succeeded && kpi.Succeeded);
        Assert.True(entered.Succeeded, entered.Rejection?.ToString());
        Assert.Equal((Stage.Pilot, OperatorKind.Partner), (entered.Value!.Stage, entered.Value.Operator.Kind));
        Assert.Equal([Partner], entered.Value.AcceptedPartnerIds);
    }

    [Fact]
    public async Task Rollout_needs_a_measurement_of_every_kpi_recorded_by_staff_or_an_accepted_partner()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await InResearchWithAcceptedPartnerAsync(silo);
        Callers.Facilitator();
        await grain.SetOperatorAsync(IdeaOperator.Town);
        var deliveries = (await grain.AddKpiAsync(new KpiInput("配送件数", "件/月", 0, 120))).Value!;
        var satisfaction = (await grain.AddKpiAsync(new KpiInput("満足度", "%", 50, 80))).Value!;
        await MoveAsync(grain, Stage.Pilot);
        await MoveAsync(grain, Stage.ServicePlanning);
        Callers.PartnerMember("member-1", Partner);
        var byPartner = await grain.RecordMeasurementAsync(deliveries.Id, new MeasurementInput(96, new DateOnly(2026, 10, 31), "10月分"));
        Callers.PartnerMember("member-9", "another-partner");
        var byStranger = await grain.RecordMeasurementAsync(deliveries.Id, new MeasurementInput(500, new DateOnly(2026, 10, 31), null));
        Callers.Facilitator();
        var halfMeasured = await grain.AdvanceAsync(new AdvanceInput(Stage.Rollout, "展開したい", []));
        var unknownKpi = await grain.RecordMeasurementAsync("k99", new MeasurementInput(1, new DateOnly(2026, 10, 1), null));
        await grain.RecordMeasurementAsync(satisfaction.Id, new MeasurementInput(84, new DateOnly(2026, 11, 1), "アンケート n=62"));
        var rolledOut = await grain.AdvanceAsync(new AdvanceInput(Stage.Rollout, "目標を達成", ["https://town.example.jp/report.pdf"]));

        Assert.True(byPartner.Succeeded, byPartner.Rejection?.ToString());
        Assert.Equal("forbidden", byStranger.Rejection!.Code);
        Assert.Equal("gateNotMet", halfMeasured.Rejection!.Code);
        var missing = Assert.Single(halfMeasured.Rejection.Causes!);
        Assert.Equal(("kpiMeasurementMissing", satisfaction.Id), (missing.Code, missing.Values!["kpiId"]));
        Assert.Equal(("notFound", "kpiId"), (unknownKpi.Rejection!.Code, unknownKpi.Rejection.Field));
        Assert.Equal(Stage.Rollout, rolledOut.Value!.Stage);
        Assert.Equal(2, rolledOut.Value.Measurements.Count);
    }

    [Fact]
    public async Task Facilitators_reword_an_idea_and_the_change_is_an_event()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.Resident("resident-1");
        var byResident = await grain.EditAsync(Delivery with { Title = "乗っ取り" });
        Callers.Facilitator();
        var empty = await grain.EditAsync(Delivery with { Title = " " });
        var edited = await grain.EditAsync(Delivery with { Title = "飛島の買い物を電動モビリティで届ける" });

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("required", "title"), (empty.Rejection!.Code, empty.Rejection.Field));
        Assert.Equal("飛島の買い物を電動モビリティで届ける", edited.Value!.Title);
        var e = Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), x => x.EventType == IdeaEvents.Edited);
        Assert.Equal("staff-1", e.ActorId);
    }

    [Fact]
    public async Task Votes_count_once_per_account_and_can_be_withdrawn()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.Resident("voter-1");

        var first = await grain.VoteAsync();
        var again = await grain.VoteAsync();
        var details = await grain.GetAsync();
        var withdrawn = await grain.WithdrawVoteAsync();
        var withdrawnAgain = await grain.WithdrawVoteAsync();

        Assert.Equal(1, first.Value);
        Assert.Equal("alreadyVoted", again.Rejection!.Code);
        Assert.True(details!.VotedByCaller);
        Assert.Equal(0, withdrawn.Value);
        Assert.Equal("notVoted", withdrawnAgain.Rejection!.Code);
    }

    [Fact]
    public async Task A_closed_idea_keeps_its_stage_takes_no_votes_and_reopens_with_a_rationale()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        await MoveAsync(grain, Stage.Research);
        Callers.Facilitator();
        var noReason = await grain.CloseAsync(IdeaStatus.OnHold, "");
        var onHold = await grain.CloseAsync(IdeaStatus.OnHold, "予算が来年度まで確保できないため");
        var moveWhileClosed = await grain.AdvanceAsync(new AdvanceInput(Stage.Pilot, "進める", []));
        Callers.Resident("voter-1");
        var vote = await grain.VoteAsync();

        var reopened = await MoveAsync(grain, Stage.Research);

        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.Equal((IdeaStatus.OnHold, Stage.Research), (onHold.Value!.Status, onHold.Value.Stage));
        Assert.Equal("ideaClosed", moveWhileClosed.Rejection!.Code);
        Assert.Equal("ideaClosed", vote.Rejection!.Code);
        Assert.Equal((IdeaStatus.Open, Stage.Research), (reopened.Status, reopened.Stage));
    }

    [Fact]
    public async Task Pending_applications_are_seen_by_staff_and_the_applying_partner_only()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        await MoveAsync(grain, Stage.Research);
        Callers.PartnerMember("member-1", Partner);
        await grain.ApplyAsPartnerAsync("非公開の提案");

        var own = (await grain.GetAsync())!.Applications;
        Callers.PartnerMember("member-2", "rival");
        var rival = (await grain.GetAsync())!.Applications;
        Callers.Anonymous();
        var anonymous = (await grain.GetAsync())!.Applications;
        Callers.Facilitator();
        var staff = (await grain.GetAsync())!.Applications;

        Assert.Equal("非公開の提案", Assert.Single(own).Proposal);
        Assert.Empty(rival);
        Assert.Empty(anonymous);
        Assert.Single(staff);
    }

    [Fact]
    public async Task A_declined_application_needs_a_reason_and_the_partner_may_apply_again()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        await MoveAsync(grain, Stage.Research);
        Callers.PartnerMember("member-1", Partner);
        var applied = (await grain.ApplyAsPartnerAsync("提案")).Value!;
        Callers.Facilitator();

        var noReason = await grain.DecideApplicationAsync(applied.Id, accept: false, null);
        var declined = await grain.DecideApplicationAsync(applied.Id, accept: false, "今回は町が直接運行します");
        var twice = await grain.DecideApplicationAsync(applied.Id, accept: true, null);
        Callers.PartnerMember("member-1", Partner);
        var again = await grain.ApplyAsPartnerAsync("改善した提案");

        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.Equal(ApplicationStatus.Declined, declined.Value!.Status);
        Assert.Equal("alreadyDecided", twice.Rejection!.Code);
        Assert.True(again.Succeeded);
    }

    [Fact]
    public async Task Concurrent_votes_from_many_people_are_all_kept_after_a_restart()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        string id;
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = await ProposedAsync(silo);
            id = grain.GetPrimaryKeyString();

            var votes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
            {
                Callers.Resident($"voter-{i}");
                return await grain.VoteAsync();
            })));

            Assert.All(votes, v => Assert.True(v.Succeeded));
            Assert.Equal(Enumerable.Range(1, 300), votes.Select(v => v.Value).Order());
        }

        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = silo.Grain<IIdeaGrain>(id);
            Callers.Resident("voter-299");
            var idea = (await grain.GetAsync())!;
            Assert.Equal((300, true), (idea.VoteCount, idea.VotedByCaller));
            Assert.Equal(300, (await silo.Storage.ReadEventsAsync(0, 1000)).Count(e => e.EventType == IdeaEvents.Voted));
            Assert.Equal("alreadyVoted", (await grain.VoteAsync()).Rejection!.Code);
        }
    }

    [Fact]
    public async Task When_a_shared_write_fails_no_vote_of_it_is_kept_and_the_idea_reloads_what_is_stored()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await ProposedAsync(silo);
        Callers.Resident("voter-0");
        await grain.VoteAsync();
        var hooks = (IStorageFaultHooks)silo.Storage;
        hooks.BeforeEventAppend = _ => throw new IOException("disk full");

        var failed = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(async () =>
        {
            Callers.Resident($"voter-{i}");
            try
            {
                await grain.VoteAsync();
                return false;
            }
            catch (IOException)
            {
                return true;
            }
        })));
        hooks.BeforeEventAppend = null;

        Assert.All(failed, Assert.True);
        Callers.Resident("voter-7");
        var idea = (await grain.GetAsync())!;
        Assert.Equal((1, false), (idea.VoteCount, idea.VotedByCaller));
        Assert.Equal(2, (await grain.VoteAsync()).Value);
    }
}

/// <summary>IdeaGrain behaviour on SQLite.</summary>
public sealed class SqliteIdeaGrainTests() : IdeaGrainTests("Sqlite");

/// <summary>IdeaGrain behaviour on PostgreSQL.</summary>
public sealed class PostgresIdeaGrainTests() : IdeaGrainTests("Postgres");
