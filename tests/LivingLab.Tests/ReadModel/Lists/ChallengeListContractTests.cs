using LivingLab.Challenges;
using LivingLab.Pipeline;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel.Lists;

/// <summary>The challenge list over both stores: filters, orders, paging, search, stages that follow the idea, counts.</summary>
public abstract class ChallengeListContractTests : IAsyncLifetime
{
    private ReadModelHost host = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private EventFeed Feed => host.Feed;

    public async Task InitializeAsync() => host = await ReadModelHost.StartAsync(Stores);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_list_is_newest_first_and_every_page_reports_the_total()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Feed.SubmitAsync($"c{i}", $"課題{i}");
        }

        await host.CatchUpAsync();

        Assert.Equal(("c5,c4", 5), await IdsAsync(new ChallengeListQuery(Page: 1, PageSize: 2)));
        Assert.Equal(("c3,c2", 5), await IdsAsync(new ChallengeListQuery(Page: 2, PageSize: 2)));
        Assert.Equal(("c1", 5), await IdsAsync(new ChallengeListQuery(Page: 3, PageSize: 2)));
        Assert.Equal(("", 5), await IdsAsync(new ChallengeListQuery(Page: 4, PageSize: 2)));
    }

    [Fact]
    public async Task Sorting_by_support_puts_the_most_supported_first_and_ties_newest_first()
    {
        await Feed.SubmitAsync("c1", "駐輪場");
        await Feed.SubmitAsync("c2", "街灯");
        await Feed.SubmitAsync("c3", "ベンチ");
        await Feed.SupportAsync("c1", 1);
        await Feed.SupportAsync("c1", 2);
        await Feed.SupportAsync("c1", 3);
        await Feed.SupportAsync("c2", 5);
        await Feed.SupportAsync("c3", 3);
        await Feed.Challenge("c2", ChallengeEvents.SupportWithdrawn, new ChallengeSupportEvent("c2", 4), "resident-2");
        await host.CatchUpAsync();

        Assert.Equal(("c2,c3,c1", 3), await IdsAsync(new ChallengeListQuery(Sort: ChallengeSort.Supported)));
        var top = (await ListAsync(new ChallengeListQuery(Sort: ChallengeSort.Supported))).Items[0];
        Assert.Equal(4, top.SupportCount);
    }

    [Fact]
    public async Task Category_status_and_stage_filters_combine()
    {
        await Feed.SubmitAsync("c1", "公園の遊具", category: "parks");
        await Feed.SubmitAsync("c2", "バスの本数", category: "transport");
        await Feed.SubmitAsync("c3", "公園のトイレ", category: "parks");
        await Feed.SubmitAsync("c4", "公園の芝生", category: "parks");
        await Feed.CreateIdeaAsync("i1", "公園トイレの改修", challengeId: "c3");
        await Feed.AcceptAsync("c3", "i1");
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await Feed.DeclineChallengeAsync("c4", "県の管理地のため");
        await host.CatchUpAsync();

        Assert.Equal(("c4,c3,c1", 3), await IdsAsync(new ChallengeListQuery(Category: "parks")));
        Assert.Equal(("c3", 1), await IdsAsync(new ChallengeListQuery(Status: ChallengeStatus.Accepted)));
        Assert.Equal(("c3", 1), await IdsAsync(new ChallengeListQuery(Stage: Stage.Research)));
        Assert.Equal(("c4,c1", 2), await IdsAsync(new ChallengeListQuery(Stage: Stage.Discovery, Category: "parks")));
        Assert.Equal(("c2", 1), await IdsAsync(new ChallengeListQuery(Status: ChallengeStatus.Open, Category: "transport")));
        Assert.Equal(("", 0), await IdsAsync(new ChallengeListQuery(Status: ChallengeStatus.Merged)));
    }

    [Theory]
    [InlineData("公園", "c3,c1")]
    [InlineData("駐輪", "c2")]
    [InlineData("bench", "c3")]
    [InlineData("BENCH 公園", "c3")]
    [InlineData("駅前", "c2")]
    [InlineData("図書館", "")]
    public async Task Search_finds_two_character_japanese_words_and_english_words_in_title_body_and_place(string query, string expected)
    {
        await Feed.SubmitAsync("c1", "公園の遊具が古い", body: "子どもが遊べません");
        await Feed.SubmitAsync("c2", "自転車を置く場所がない", body: "駐輪場が足りません", place: new Place("駅前ロータリー", 38.91, 139.84));
        await Feed.SubmitAsync("c3", "ベンチが壊れている", body: "The bench in the park is broken", place: new Place("中央公園", null, null));
        await host.CatchUpAsync();

        Assert.Equal((expected, expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Length), await IdsAsync(new ChallengeListQuery(Text: query)));
    }

    [Fact]
    public async Task Search_combines_with_filters_order_and_paging_beyond_any_search_limit()
    {
        for (var i = 1; i <= 30; i++)
        {
            await Feed.SubmitAsync($"c{i:D2}", i % 2 == 0 ? $"公園の課題{i}" : $"道路の課題{i}", category: i % 3 == 0 ? "transport" : "parks");
            await Feed.SupportAsync($"c{i:D2}", i % 5);
        }

        await host.CatchUpAsync();

        var all = await IdsAsync(new ChallengeListQuery(Text: "公園", PageSize: 100));
        Assert.Equal(15, all.Total);
        var parks = await IdsAsync(new ChallengeListQuery(Text: "公園", Category: "transport", Sort: ChallengeSort.Supported, PageSize: 2, Page: 2));
        // Even multiples of 3: 6, 12, 18, 24, 30 with support 1, 2, 3, 4, 0, so 24, 18 | 12, 6 | 30.
        Assert.Equal(("c12,c06", 5), parks);
        Assert.Equal(("", 5), await IdsAsync(new ChallengeListQuery(Text: "公園", Category: "transport", PageSize: 2, Page: 4)));
        Assert.Equal(("", 0), await IdsAsync(new ChallengeListQuery(Text: "公園", Category: "safety")));
        Assert.Equal(("c30,c28", 15), await IdsAsync(new ChallengeListQuery(Text: "公園", PageSize: 2)));
        Assert.Equal(("c02", 15), await IdsAsync(new ChallengeListQuery(Text: "公園", PageSize: 2, Page: 8)));
    }

    [Fact]
    public async Task A_search_with_hundreds_of_matches_pages_in_the_same_order_as_a_narrow_one()
    {
        // Over 500 matches SQLite walks the order's index instead of sorting the matches: the answer must not change.
        for (var i = 1; i <= 520; i++)
        {
            await Feed.SubmitAsync($"c{i:D3}", $"公園 {i}");
            if (i % 7 == 0)
            {
                await Feed.SupportAsync($"c{i:D3}", i % 11);
            }
        }

        await host.CatchUpAsync();

        Assert.Equal(("c520,c519,c518", 520), await IdsAsync(new ChallengeListQuery(Text: "公園", PageSize: 3)));
        Assert.Equal(("c001", 520), await IdsAsync(new ChallengeListQuery(Text: "公園", PageSize: 3, Page: 174)));
        // Most supported first (10 supporters: 21, 98, 175, 252, 329, 406, 483), then newest.
        Assert.Equal(("c483,c406,c329", 520), await IdsAsync(new ChallengeListQuery(Text: "公園", Sort: ChallengeSort.Supported, PageSize: 3)));
        Assert.Equal(("c252,c175,c098", 520), await IdsAsync(new ChallengeListQuery(Text: "公園", Sort: ChallengeSort.Supported, PageSize: 3, Page: 2)));
    }

    [Theory]
    [InlineData("園")]
    [InlineData("公園 a")]
    [InlineData("!!")]
    public async Task A_search_word_under_two_characters_is_refused_naming_the_parameter(string query)
    {
        var result = await host.Challenges.ListAsync(new ChallengeListQuery(Text: query));

        Assert.False(result.Succeeded);
        Assert.Equal(("queryTooShort", "q"), (result.Rejection!.Code, result.Rejection.Field));
    }

    [Fact]
    public async Task An_accepted_challenge_stands_where_its_idea_is_and_moves_with_it()
    {
        await Feed.SubmitAsync("c1", "港の待合所が寒い");
        await Feed.SubmitAsync("c2", "フェリーの予約が電話だけ");
        await Feed.CreateIdeaAsync("i1", "フェリーのオンライン予約", challengeId: "c2");
        await Feed.AcceptAsync("c2", "i1");
        await host.CatchUpAsync();
        Assert.Equal(Stage.Discovery, await StageOfAsync("c2"));

        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await Feed.AdvanceAsync("i1", Stage.Research, Stage.Pilot);
        await host.CatchUpAsync();
        Assert.Equal(Stage.Pilot, await StageOfAsync("c2"));
        Assert.Equal(Stage.Discovery, await StageOfAsync("c1"));

        // Joining an idea that has already moved on: the challenge stands where the idea is now.
        await Feed.Idea("i1", LivingLab.Ideas.IdeaEvents.ChallengeLinked, new LivingLab.Ideas.IdeaChallengeLinkedEvent("i1", "c1"));
        await Feed.AcceptAsync("c1", "i1", createdIdea: false);
        await Feed.AdvanceAsync("i1", Stage.Pilot, Stage.Research, "もう少し調査が必要");
        await Feed.CloseAsync("i1", Stage.Research, IdeaStatus.OnHold, "予算待ち");
        await host.CatchUpAsync();

        var items = (await ListAsync(new ChallengeListQuery())).Items.ToDictionary(i => i.Id);
        Assert.Equal((Stage.Research, ChallengeStatus.Accepted, "i1"), (items["c1"].Stage, items["c1"].Status, items["c1"].IdeaId));
        Assert.Equal((Stage.Research, ChallengeStatus.Accepted, "i1"), (items["c2"].Stage, items["c2"].Status, items["c2"].IdeaId));
    }

    [Fact]
    public async Task A_challenge_accepted_before_its_idea_is_projected_still_takes_the_ideas_stage()
    {
        await Feed.SubmitAsync("c1", "除雪が遅い");
        await Feed.AcceptAsync("c1", "i1");
        await Feed.CreateIdeaAsync("i1", "除雪車の位置を公開", challengeId: "c1");
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await host.CatchUpAsync();

        Assert.Equal(Stage.Research, await StageOfAsync("c1"));
    }

    [Fact]
    public async Task The_comment_count_is_the_number_of_visible_comments_of_that_challenge()
    {
        var challenge = EventFeed.ChallengeType;
        await Feed.SubmitAsync("c1", "街灯が暗い");
        await Feed.CreateIdeaAsync("c1", "同じ id のアイデア");
        foreach (var id in new[] { "m1", "m2", "m3", "m4" })
        {
            await Feed.CommentAsync(challenge, "c1", id);
        }

        await Feed.RemoveCommentAsync(challenge, "c1", "m2", hide: true, "個人情報を含むため");
        await Feed.RemoveCommentAsync(challenge, "c1", "m2", hide: false);
        await Feed.RemoveCommentAsync(challenge, "c1", "m3", hide: false);
        await Feed.WriteAsync(challenge, "c1", LivingLab.Comments.CommentEvents.Edited,
            new LivingLab.Comments.CommentPostedEvent("c1", "m1", null, null, "resident-4", "直しました"));
        // An idea's comment with the same item id counts for the idea, not the challenge.
        await Feed.CommentAsync(EventFeed.IdeaType, "c1", "m5");
        await host.CatchUpAsync();

        Assert.Equal(2, (await ListAsync(new ChallengeListQuery())).Items.Single().CommentCount);
        Assert.Equal(1, (await host.Ideas.ListAsync(new LivingLab.ReadModel.IdeaList.IdeaListQuery())).Value!.Items.Single().CommentCount);
    }

    [Fact]
    public async Task A_merged_duplicate_hands_its_supporters_and_comments_to_the_challenge_that_absorbs_it()
    {
        var challenge = EventFeed.ChallengeType;
        await Feed.SubmitAsync("c1", "駐輪場が足りない");
        await Feed.SubmitAsync("c2", "駅の駐輪場がいっぱい");
        await Feed.SupportAsync("c1", 3);
        await Feed.SupportAsync("c2", 1);
        // Comment ids are numbers within each thread, as the grains give them.
        await Feed.CommentAsync(challenge, "c1", "c000001");
        await Feed.CommentAsync(challenge, "c1", "c000002");
        await Feed.CommentAsync(challenge, "c2", "c000001");
        // The duplicate's thread arrives renumbered (c000002, c000003), which no event announces; the count comes with it.
        await Feed.Challenge("c2", ChallengeEvents.Absorbed, new ChallengeAbsorbedEvent("c2", "c1", 4, 3));
        await Feed.Challenge("c1", ChallengeEvents.Merged, new ChallengeMergedEvent("c1", "c2"));
        await host.CatchUpAsync();
        var items = (await ListAsync(new ChallengeListQuery(Sort: ChallengeSort.Supported))).Items;
        Assert.Equal(("c2", ChallengeStatus.Open, 4, 3), (items[0].Id, items[0].Status, items[0].SupportCount, items[0].CommentCount));
        Assert.Equal(("c1", ChallengeStatus.Merged, 0, 0), (items[1].Id, items[1].Status, items[1].SupportCount, items[1].CommentCount));

        await Feed.RemoveCommentAsync(challenge, "c2", "c000003", hide: true, "重複");
        await Feed.RemoveCommentAsync(challenge, "c2", "c000003", hide: false);
        await Feed.RemoveCommentAsync(challenge, "c2", "c000001", hide: false);
        await Feed.CommentAsync(challenge, "c2", "c000004");
        await host.CatchUpAsync();

        Assert.Equal(2, (await ListAsync(new ChallengeListQuery(Status: ChallengeStatus.Open))).Items.Single().CommentCount);
    }

    [Fact]
    public async Task Removing_more_unnamed_comments_than_a_merge_brought_never_counts_below_the_comments_known_to_be_shown()
    {
        var challenge = EventFeed.ChallengeType;
        await Feed.SubmitAsync("c1", "街灯");
        await Feed.SubmitAsync("c2", "街灯が暗い");
        await Feed.CommentAsync(challenge, "c2", "c000001");
        await Feed.Challenge("c2", ChallengeEvents.Absorbed, new ChallengeAbsorbedEvent("c2", "c1", 0, 2));
        foreach (var id in new[] { "c000002", "c000003", "c000004" })
        {
            await Feed.RemoveCommentAsync(challenge, "c2", id, hide: false);
        }

        await host.CatchUpAsync();

        Assert.Equal(1, (await ListAsync(new ChallengeListQuery())).Items.Single(i => i.Id == "c2").CommentCount);
    }

    [Fact]
    public async Task List_items_carry_the_public_fields_of_the_submission()
    {
        var at = new DateTimeOffset(2026, 5, 3, 10, 15, 30, TimeSpan.FromHours(9));
        await Feed.SubmitAsync("c1", "窓口で受け付けた課題", place: new Place("市役所前", 38.91, 139.83),
            proxy: new ProxyEntry(ProxyChannel.Counter, "70代の住民", "staff-9"), at: at);
        await host.CatchUpAsync();

        var item = (await ListAsync(new ChallengeListQuery())).Items.Single();

        Assert.Equal(
            new ChallengeListItem("c1", "窓口で受け付けた課題", "parks", ChallengeStatus.Open, Stage.Discovery, null, 0, 0, at, ProxyChannel.Counter, "市役所前"),
            item);
    }

    [Fact]
    public async Task The_export_streams_every_challenge_oldest_first_with_its_public_fields()
    {
        await Feed.SubmitAsync("c1", "一つ目", place: new Place(null, 38.9, 139.8));
        await Feed.SubmitAsync("c2", "二つ目");
        await Feed.DeclineChallengeAsync("c2", "対象外のため");
        await host.CatchUpAsync();

        var rows = await host.Challenges.ExportAsync().ToListAsync();

        Assert.Equal(["c1", "c2"], rows.Select(r => r.Id));
        Assert.Equal((38.9, 139.8), (rows[0].Latitude, rows[0].Longitude));
        Assert.Equal((ChallengeStatus.Declined, "対象外のため"), (rows[1].Status, rows[1].DeclineReason));
    }

    [Fact]
    public async Task A_rebuild_from_the_first_event_gives_the_same_list_and_search()
    {
        await Feed.SubmitAsync("c1", "公園の遊具");
        await Feed.SubmitAsync("c2", "駐輪場");
        await Feed.SupportAsync("c2", 2);
        await Feed.CreateIdeaAsync("i1", "遊具の更新", challengeId: "c1");
        await Feed.AcceptAsync("c1", "i1");
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research);
        await host.CatchUpAsync();
        var before = await ListAsync(new ChallengeListQuery());

        await host.Runner.RebuildAsync(ChallengeListProjection.ProjectionName);

        Assert.Equal(before.Items, (await ListAsync(new ChallengeListQuery())).Items);
        Assert.Equal(("c1", 1), await IdsAsync(new ChallengeListQuery(Text: "公園")));
    }

    private async Task<LivingLab.ReadModel.ListResult<ChallengeListItem>> ListAsync(ChallengeListQuery query)
    {
        var result = await host.Challenges.ListAsync(query);
        Assert.True(result.Succeeded, result.Rejection?.Code);
        return result.Value!;
    }

    // The ids joined with commas, so that a tuple of them compares by value.
    private async Task<(string Ids, int Total)> IdsAsync(ChallengeListQuery query)
    {
        var page = await ListAsync(query);
        return (string.Join(',', page.Items.Select(i => i.Id)), page.Total);
    }

    private async Task<Stage> StageOfAsync(string id) => (await ListAsync(new ChallengeListQuery(PageSize: 100))).Items.Single(i => i.Id == id).Stage;
}

/// <summary>The challenge list against SQLite files.</summary>
public sealed class SqliteChallengeListContractTests(SqliteStoreFixture fixture) : ChallengeListContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>The challenge list against the real PostgreSQL server.</summary>
public sealed class PostgresChallengeListContractTests(PostgresStoreFixture fixture) : ChallengeListContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
