using System.Text.Json;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Timeline;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel.Timeline;

/// <summary>Public timelines over both stores: what they show (with reasons) and what they never show.</summary>
public abstract class TimelineContractTests : IAsyncLifetime
{
    private ReadModelHost host = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private EventFeed Feed => host.Feed;

    public async Task InitializeAsync()
    {
        host = await ReadModelHost.StartAsync(Stores);
        await Feed.SubmitAsync("c1", "フェリーの予約が電話だけ", proxy: new ProxyEntry(ProxyChannel.Phone, null, "staff-2"), author: "resident-1");
        await Feed.SupportAsync("c1", 1, "resident-2");
        await Feed.Challenge("c1", ChallengeEvents.Followed, new ChallengeFollowEvent("c1"), "resident-3");
        await Feed.CommentAsync(EventFeed.ChallengeType, "c1", "m1", "わたしも困っています");
        await Feed.CreateIdeaAsync("i1", "フェリーのオンライン予約", challengeId: "c1");
        await Feed.AcceptAsync("c1", "i1");
        await Feed.VoteAsync("i1", 1, "resident-2");
        await Feed.Idea("i1", IdeaEvents.Followed, new IdeaFollowEvent("i1"), "resident-3");
        await Feed.CommentAsync(EventFeed.IdeaType, "i1", "m2", "いいですね");
        await Feed.Idea("i1", IdeaEvents.KpiAdded, new KpiAddedEvent("i1", new Kpi("k1", "オンライン予約率", "%", 0, 50)));
        await Feed.Idea("i1", IdeaEvents.PartnerApplied, new PartnerAppliedEvent("i1", "a1", "p1"), "member-1");
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a1", "p1", "member-1", true, null));
        await Feed.Idea("i1", IdeaEvents.PartnerApplied, new PartnerAppliedEvent("i1", "a2", "p2"), "member-2");
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a2", "p2", "member-2", false, "SECRET-DECLINE-REASON"));
        await Feed.Idea("i1", IdeaEvents.OperatorSet, new OperatorSetEvent("i1", "p1"));
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research, "利用者アンケートで需要を確認", evidence: ["https://city.example.jp/survey.pdf"]);
        await Feed.Idea("i1", IdeaEvents.KpiMeasured, new KpiMeasuredEvent("i1", "ms1", "k1", 12.5m, new DateOnly(2026, 5, 1), "4月分"));
        await Feed.CloseAsync("i1", Stage.Research, IdeaStatus.OnHold, "予算の確定待ち");
        await host.CatchUpAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_ideas_timeline_has_its_public_steps_in_order_with_reasons_and_evidence()
    {
        var timeline = (await host.Timelines.ForIdeaAsync("i1", 1, 100))!;

        Assert.Equal(
            [
                IdeaEvents.Created, IdeaEvents.KpiAdded, IdeaEvents.ApplicationDecided, IdeaEvents.OperatorSet, IdeaEvents.Advanced,
                IdeaEvents.KpiMeasured, IdeaEvents.Closed,
            ],
            timeline.Items.Select(e => e.EventType));
        Assert.Equal(7, timeline.Total);
        var advanced = timeline.Items.Single(e => e.EventType == IdeaEvents.Advanced);
        Assert.Equal(("idea", "i1", "staff-1"), (advanced.ItemKind, advanced.ItemId, advanced.ActorId));
        Assert.Equal("research", advanced.Data.GetProperty("to").GetString());
        Assert.Equal("利用者アンケートで需要を確認", advanced.Data.GetProperty("rationale").GetString());
        Assert.Equal("https://city.example.jp/survey.pdf", advanced.Data.GetProperty("evidence")[0].GetString());
        Assert.Equal("予算の確定待ち", timeline.Items[^1].Data.GetProperty("reason").GetString());
        Assert.Equal(12.5m, timeline.Items.Single(e => e.EventType == IdeaEvents.KpiMeasured).Data.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Timelines_never_show_votes_supports_follows_comments_or_a_declined_application()
    {
        var entries = (await host.Timelines.ForIdeaAsync("i1", 1, 100))!.Items.Concat((await host.Timelines.ForChallengeAsync("c1", 1, 100))!.Items).ToList();
        var text = string.Join('\n', entries.Select(e => e.EventType + " " + e.Data.GetRawText()));

        foreach (var hidden in new[] { "Voted", "Supported", "Followed", "Comment", "PartnerApplied", "SECRET-DECLINE-REASON", "p2", "member-" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
        }

        var joined = entries.Single(e => e.EventType == IdeaEvents.ApplicationDecided);
        Assert.Equal(["ideaId", "applicationId", "partnerId"], joined.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("p1", joined.Data.GetProperty("partnerId").GetString());
    }

    [Fact]
    public async Task A_challenges_timeline_shows_its_own_steps_and_its_ideas_stage_moves_and_closing()
    {
        var timeline = (await host.Timelines.ForChallengeAsync("c1", 1, 100))!;

        Assert.Equal(
            [("challenge", ChallengeEvents.Submitted), ("challenge", ChallengeEvents.Accepted), ("idea", IdeaEvents.Advanced), ("idea", IdeaEvents.Closed)],
            timeline.Items.Select(e => (e.ItemKind, e.EventType)));
        Assert.Equal(4, timeline.Total);
        var submitted = timeline.Items[0];
        // Stored by the runtime as a number, served as the API's wire name.
        Assert.Equal("phone", submitted.Data.GetProperty("proxy").GetProperty("channel").GetString());
        Assert.Equal("i1", timeline.Items[1].Data.GetProperty("ideaId").GetString());
        Assert.True(timeline.Items.Zip(timeline.Items.Skip(1)).All(p => p.First.OccurredAt <= p.Second.OccurredAt));
    }

    [Fact]
    public async Task A_timeline_is_paged_oldest_first_with_its_total()
    {
        var first = (await host.Timelines.ForChallengeAsync("c1", 1, 3))!;
        var second = (await host.Timelines.ForChallengeAsync("c1", 2, 3))!;
        var beyond = (await host.Timelines.ForChallengeAsync("c1", 3, 3))!;

        Assert.Equal([ChallengeEvents.Submitted, ChallengeEvents.Accepted, IdeaEvents.Advanced], first.Items.Select(e => e.EventType));
        Assert.Equal([IdeaEvents.Closed], second.Items.Select(e => e.EventType));
        Assert.Empty(beyond.Items);
        Assert.All(new[] { first, second, beyond }, page => Assert.Equal(4, page.Total));
    }

    [Fact]
    public async Task Merges_and_declines_appear_with_their_public_reason_on_each_side()
    {
        await Feed.SubmitAsync("c2", "予約したい");
        await Feed.SubmitAsync("c3", "島の商店の品切れ");
        await Feed.Challenge("c2", ChallengeEvents.Merged, new ChallengeMergedEvent("c2", "c1"));
        await Feed.Challenge("c1", ChallengeEvents.Absorbed, new ChallengeAbsorbedEvent("c1", "c2", 1, 1));
        await Feed.DeclineChallengeAsync("c3", "民間の商店の在庫は町では扱えないため");
        await host.CatchUpAsync();

        Assert.Equal([ChallengeEvents.Submitted, ChallengeEvents.Merged], await TypesAsync("c2"));
        Assert.Contains(ChallengeEvents.Absorbed, await TypesAsync("c1"));
        var declined = (await host.Timelines.ForChallengeAsync("c3", 1, 10))!.Items[^1];
        Assert.Equal("民間の商店の在庫は町では扱えないため", declined.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_unknown_item_has_no_timeline()
    {
        Assert.Null(await host.Timelines.ForChallengeAsync("nope", 1, 10));
        Assert.Null(await host.Timelines.ForIdeaAsync("nope", 1, 10));
        Assert.Null(await host.Timelines.ForIdeaAsync("c1", 1, 10));
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_timeline()
    {
        var before = (await host.Timelines.ForChallengeAsync("c1", 1, 100))!.Items.Select(Describe).ToList();

        await host.Runner.RebuildAsync(TimelineProjection.ProjectionName);

        Assert.Equal(before, (await host.Timelines.ForChallengeAsync("c1", 1, 100))!.Items.Select(Describe));
    }

    private static string Describe(TimelineEntry e) => $"{e.ItemKind} {e.ItemId} {e.EventType} {e.ActorId} {e.OccurredAt:O} {JsonSerializer.Serialize(e.Data)}";

    private async Task<List<string>> TypesAsync(string challengeId) =>
        [.. (await host.Timelines.ForChallengeAsync(challengeId, 1, 100))!.Items.Select(e => e.EventType)];
}

/// <summary>Timelines against SQLite files.</summary>
public sealed class SqliteTimelineContractTests(SqliteStoreFixture fixture) : TimelineContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>Timelines against the real PostgreSQL server.</summary>
public sealed class PostgresTimelineContractTests(PostgresStoreFixture fixture) : TimelineContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
