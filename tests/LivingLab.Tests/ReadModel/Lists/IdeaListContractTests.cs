using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel.IdeaList;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel.Lists;

/// <summary>The idea list over both stores: filters, votes order, paging, search, and the pipeline facts each idea carries.</summary>
public abstract class IdeaListContractTests : IAsyncLifetime
{
    private ReadModelHost host = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private EventFeed Feed => host.Feed;

    public async Task InitializeAsync() => host = await ReadModelHost.StartAsync(Stores);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Stage_status_and_category_filters_combine_and_votes_order_breaks_ties_newest_first()
    {
        await Feed.CreateIdeaAsync("i1", "オンデマンドバス", category: "transport");
        await Feed.CreateIdeaAsync("i2", "公園の見守りカメラ", category: "safety");
        await Feed.CreateIdeaAsync("i3", "スマホ教室", category: "elderly");
        await Feed.CreateIdeaAsync("i4", "ごみ分別アプリ", category: "environment");
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await Feed.AdvanceAsync("i3", Stage.Discovery, Stage.Research);
        await Feed.CloseAsync("i3", Stage.Research, IdeaStatus.OnHold, "担当者の異動");
        await Feed.CloseAsync("i4", Stage.Discovery, IdeaStatus.Declined, "既存サービスで足りる");
        await Feed.VoteAsync("i1", 2);
        await Feed.VoteAsync("i2", 5);
        await Feed.VoteAsync("i3", 2);
        await Feed.Idea("i2", IdeaEvents.VoteWithdrawn, new IdeaVoteEvent("i2", 4), "resident-3");
        await host.CatchUpAsync();

        Assert.Equal(("i4,i3,i2,i1", 4), await IdsAsync(new IdeaListQuery()));
        Assert.Equal(("i2,i3,i1,i4", 4), await IdsAsync(new IdeaListQuery(Sort: IdeaSort.Votes)));
        Assert.Equal(("i3,i1", 2), await IdsAsync(new IdeaListQuery(Stage: Stage.Research)));
        Assert.Equal(("i1", 1), await IdsAsync(new IdeaListQuery(Stage: Stage.Research, Status: IdeaStatus.Open)));
        Assert.Equal(("i3", 1), await IdsAsync(new IdeaListQuery(Status: IdeaStatus.OnHold)));
        Assert.Equal(("i4", 1), await IdsAsync(new IdeaListQuery(Status: IdeaStatus.Declined, Category: "environment")));
        Assert.Equal(("i2", 4), await IdsAsync(new IdeaListQuery(Sort: IdeaSort.Votes, PageSize: 1)));
        Assert.Equal(4, (await ListAsync(new IdeaListQuery(Sort: IdeaSort.Votes))).Items[0].VoteCount);
    }

    [Theory]
    [InlineData("公園", "i2")]
    [InlineData("駐輪", "i1")]
    [InlineData("sharing", "i1")]
    [InlineData("カメラ 見守り", "i2")]
    public async Task Search_covers_title_and_summary(string query, string expected)
    {
        await Feed.CreateIdeaAsync("i1", "シェアサイクル", summary: "駐輪場の空きを bike sharing で減らす");
        await Feed.CreateIdeaAsync("i2", "公園の見守り", summary: "防犯カメラと地域の見回り");
        await host.CatchUpAsync();

        Assert.Equal((expected, 1), await IdsAsync(new IdeaListQuery(Text: query)));
    }

    [Fact]
    public async Task A_reworded_idea_is_found_by_its_new_words_and_no_longer_by_the_old_ones()
    {
        await Feed.CreateIdeaAsync("i1", "駅前に自転車が多い", summary: "住民の投稿そのまま");
        await Feed.Idea("i1", IdeaEvents.Edited, new IdeaEditedEvent("i1", "駐輪場の空き情報を配信", "空き台数を地図で知らせる", "transport"));
        await host.CatchUpAsync();

        Assert.Equal(("i1", 1), await IdsAsync(new IdeaListQuery(Text: "空き")));
        Assert.Equal(("", 0), await IdsAsync(new IdeaListQuery(Text: "投稿")));
    }

    [Fact]
    public async Task A_search_word_under_two_characters_is_refused_naming_the_parameter()
    {
        var result = await host.Ideas.ListAsync(new IdeaListQuery(Text: "x"));

        Assert.Equal(("queryTooShort", "q"), (result.Rejection!.Code, result.Rejection.Field));
    }

    [Fact]
    public async Task An_idea_carries_its_operator_partners_kpis_links_and_whether_partners_are_welcome()
    {
        var created = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var research = created.AddDays(10);
        await Feed.CreateIdeaAsync("i1", "飛島の配送", challengeId: "c1", at: created);
        await Feed.Idea("i1", IdeaEvents.ChallengeLinked, new IdeaChallengeLinkedEvent("i1", "c2"));
        await host.CatchUpAsync();
        var fresh = (await ListAsync(new IdeaListQuery())).Items.Single();
        Assert.Equal((Stage.Discovery, false, 2, created), (fresh.Stage, fresh.WelcomesPartners, fresh.ChallengeCount, fresh.StageEntered));

        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research, at: research);
        await Feed.Idea("i1", IdeaEvents.KpiAdded, new KpiAddedEvent("i1", new Kpi("k1", "配送件数", "件/月", 0, 100)));
        await Feed.Idea("i1", IdeaEvents.KpiAdded, new KpiAddedEvent("i1", new Kpi("k2", "満足度", "%", null, null)));
        await Feed.Idea("i1", IdeaEvents.PartnerApplied, new PartnerAppliedEvent("i1", "a1", "p1"), "partner-member-1");
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a1", "p1", "partner-member-1", true, null));
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a2", "p2", "partner-member-2", false, "実績不足"));
        await Feed.Idea("i1", IdeaEvents.OperatorSet, new OperatorSetEvent("i1", "p1"));
        await host.CatchUpAsync();
        var researching = (await ListAsync(new IdeaListQuery())).Items.Single();
        Assert.Equal((Stage.Research, true, 2, 1, "p1", research), (researching.Stage, researching.WelcomesPartners, researching.KpiCount,
            researching.AcceptedPartnerCount, researching.Operator, researching.StageEntered));

        await Feed.CloseAsync("i1", Stage.Research, IdeaStatus.OnHold, "冬季は運休");
        await host.CatchUpAsync();
        var paused = (await ListAsync(new IdeaListQuery())).Items.Single();
        Assert.Equal((IdeaStatus.OnHold, false), (paused.Status, paused.WelcomesPartners));

        // Reopening in place: open and welcoming again, and the stage's clock still runs from when it was entered.
        await Feed.AdvanceAsync("i1", Stage.Research, Stage.Research, "春から再開");
        await host.CatchUpAsync();
        var reopened = (await ListAsync(new IdeaListQuery())).Items.Single();
        Assert.Equal((IdeaStatus.Open, true, research), (reopened.Status, reopened.WelcomesPartners, reopened.StageEntered));

        var export = Assert.Single(await host.Ideas.ExportAsync().ToListAsync());
        Assert.Null(export.StatusReason);
        Assert.Equal(("飛島の配送", "要約です", "p1"), (export.Title, export.Summary, export.Operator));
    }

    [Fact]
    public async Task A_rebuild_from_the_first_event_gives_the_same_list()
    {
        await Feed.CreateIdeaAsync("i1", "AI-OCR");
        await Feed.CreateIdeaAsync("i2", "議事録の自動作成");
        await Feed.VoteAsync("i2", 3);
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await host.CatchUpAsync();
        var before = await ListAsync(new IdeaListQuery());

        await host.Runner.RebuildAsync(IdeaListProjection.ProjectionName);

        Assert.Equal(before.Items, (await ListAsync(new IdeaListQuery())).Items);
        Assert.Equal(("i2", 1), await IdsAsync(new IdeaListQuery(Text: "議事録")));
    }

    private async Task<LivingLab.ReadModel.ListResult<IdeaListItem>> ListAsync(IdeaListQuery query)
    {
        var result = await host.Ideas.ListAsync(query);
        Assert.True(result.Succeeded, result.Rejection?.Code);
        return result.Value!;
    }

    // The ids joined with commas, so that a tuple of them compares by value.
    private async Task<(string Ids, int Total)> IdsAsync(IdeaListQuery query)
    {
        var page = await ListAsync(query);
        return (string.Join(',', page.Items.Select(i => i.Id)), page.Total);
    }
}

/// <summary>The idea list against SQLite files.</summary>
public sealed class SqliteIdeaListContractTests(SqliteStoreFixture fixture) : IdeaListContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>The idea list against the real PostgreSQL server.</summary>
public sealed class PostgresIdeaListContractTests(PostgresStoreFixture fixture) : IdeaListContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
