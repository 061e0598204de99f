using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.ReadModel.Timeline;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.ReadModel;

/// <summary>
/// The read models fed by the real challenge and idea grains (not hand-written events), on both stores: what residents
/// and staff do shows up in the lists, the timelines and the statistics as it should.
/// </summary>
public abstract class GrainsToReadModelsTests(string provider)
{
    private static readonly ChallengeInput Parking = new("駅前の駐輪場が足りない", "朝は自転車があふれています。", "transport", new Place("酒田駅前", 38.91, 139.83));
    private static readonly ChallengeInput Duplicate = new("駅の駐輪場が満車", "毎朝満車です。", "transport");
    private static readonly ChallengeInput Bench = new("公園のベンチが壊れている", "座れません。", "parks", new Place("中央公園", null, null));

    [Fact]
    public async Task What_residents_and_staff_do_through_the_grains_shows_in_lists_timelines_and_statistics()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var (c1, c2, c3) = (Ids.New(), Ids.New(), Ids.New());
        var parking = silo.Grain<IChallengeGrain>(c1);
        var duplicate = silo.Grain<IChallengeGrain>(c2);

        Callers.Resident("resident-1");
        Assert.True((await parking.SubmitAsync(Parking)).Succeeded);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await duplicate.SubmitAsync(Duplicate)).Succeeded);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Callers.Facilitator();
        Assert.True((await silo.Grain<IChallengeGrain>(c3).SubmitOnBehalfAsync(Bench, new ProxyEntryInput(ProxyChannel.Phone, "70代の住民"))).Succeeded);

        Callers.Resident("resident-2");
        await parking.SupportAsync();
        await parking.CommentAsync(new CommentInput("わたしも困っています"));
        var hiddenBeforeMerge = (await duplicate.CommentAsync(new CommentInput("090-0000-0000 に電話して"))).Value!;
        await duplicate.CommentAsync(new CommentInput("朝8時が一番混みます"));
        Callers.Resident("resident-3");
        await parking.SupportAsync();
        await duplicate.SupportAsync();

        Callers.Facilitator();
        Assert.True((await duplicate.HideCommentAsync(hiddenBeforeMerge.Id, "個人の電話番号を含むため")).Succeeded);
        silo.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await duplicate.MergeAsync(c1)).Succeeded);
        silo.Clock.Advance(TimeSpan.FromDays(2));
        var ideaId = (await parking.AcceptAsync(null)).Value!;
        silo.Clock.Advance(TimeSpan.FromDays(12));
        var idea = silo.Grain<IIdeaGrain>(ideaId);
        Assert.True((await idea.AdvanceAsync(new AdvanceInput(Stage.Research, "利用実態を調べる", ["https://town.example.jp/survey"]))).Succeeded);
        Callers.Resident("resident-2");
        await idea.VoteAsync();

        // A moderator hides one of the comments the merge brought in, under the id it has now.
        Callers.Facilitator();
        var absorbed = (await parking.GetCommentsAsync()).Value!.Single(c => c.MergedFrom == c2 && c.Status == CommentStatus.Visible);
        Assert.True((await parking.HideCommentAsync(absorbed.Id, "重複")).Succeeded);

        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var challenges = silo.Services.GetRequiredService<ChallengeQueries>();
        var list = (await challenges.ListAsync(new ChallengeListQuery())).Value!.Items.ToDictionary(i => i.Id);
        Assert.Equal((ChallengeStatus.Accepted, Stage.Research, ideaId, 2, 1), (list[c1].Status, list[c1].Stage, list[c1].IdeaId, list[c1].SupportCount, list[c1].CommentCount));
        Assert.Equal((ChallengeStatus.Merged, 0, 0), (list[c2].Status, list[c2].SupportCount, list[c2].CommentCount));
        Assert.Equal((ProxyChannel.Phone, "中央公園", Stage.Discovery), (list[c3].ProxyChannel, list[c3].PlaceText, list[c3].Stage));
        Assert.Equal([c3], (await challenges.ListAsync(new ChallengeListQuery(Text: "公園"))).Value!.Items.Select(i => i.Id));
        Assert.Equal([c1], (await challenges.ListAsync(new ChallengeListQuery(Text: "駐輪", Status: ChallengeStatus.Accepted))).Value!.Items.Select(i => i.Id));

        var ideaItem = Assert.Single((await silo.Services.GetRequiredService<IdeaQueries>().ListAsync(new IdeaListQuery())).Value!.Items);
        Assert.Equal((ideaId, Stage.Research, 1, 1, true), (ideaItem.Id, ideaItem.Stage, ideaItem.VoteCount, ideaItem.ChallengeCount, ideaItem.WelcomesPartners));

        var timeline = (await silo.Services.GetRequiredService<TimelineQueries>().ForChallengeAsync(c1, 1, 100))!;
        Assert.Equal([ChallengeEvents.Submitted, ChallengeEvents.Absorbed, ChallengeEvents.Accepted, IdeaEvents.Advanced], timeline.Items.Select(e => e.EventType));
        Assert.Equal("利用実態を調べる", timeline.Items[^1].Data.GetProperty("rationale").GetString());
        var proxied = (await silo.Services.GetRequiredService<TimelineQueries>().ForChallengeAsync(c3, 1, 10))!.Items.Single();
        Assert.Equal("phone", proxied.Data.GetProperty("proxy").GetProperty("channel").GetString());

        var report = await silo.Services.GetRequiredService<PipelineStatistics>().GetAsync();
        Assert.Equal(new StageStatistics(Stage.Discovery, 0, 0, 0, 12, 1), report.Stages[0]);
        Assert.Equal(1, report.Stages[1].Open);
    }
}

/// <summary>Grains to read models on SQLite.</summary>
public sealed class SqliteGrainsToReadModelsTests() : GrainsToReadModelsTests("Sqlite");

/// <summary>Grains to read models on PostgreSQL.</summary>
public sealed class PostgresGrainsToReadModelsTests() : GrainsToReadModelsTests("Postgres");
