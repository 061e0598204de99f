using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.ReadModel.Timeline;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.Workshops.Board;

/// <summary>Promoting board notes and clusters into ideas and challenges, on SQLite and on PostgreSQL.</summary>
public abstract class BoardPromoteTests(string provider)
{
    [Fact]
    public async Task A_note_becomes_one_idea_in_discovery_with_the_workshop_on_its_timeline_however_often_it_is_promoted()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var note = await board.PostAsync("移動販売車が週2回来てほしい");
        var input = new PromoteInput(BoardSourceKind.Note, note, PromoteTarget.NewIdea, null, "移動販売車を島に", "週2回回る。", "elderly");
        var byResident = await board.Board.PromoteAsync(input);

        As.Staff();
        var first = await board.Board.PromoteAsync(input);
        var retried = await board.Board.PromoteAsync(input);
        var view = await board.Board.GetAsync();
        As.Anonymous();
        var publicView = await board.Board.GetAsync();

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        var ideaId = Ids.For("workshop-idea", board.WorkshopId, note);
        Assert.Equal(new BoardOutcome(PromoteTarget.NewIdea, ideaId), first.Value);
        Assert.Equal(first.Value, retried.Value);
        var idea = (await silo.Grain<IIdeaGrain>(ideaId).GetAsync())!;
        Assert.Equal((Stage.Discovery, "移動販売車を島に"), (idea.Stage, idea.Title));
        Assert.Equal([first.Value!], view.Notes.Single(n => n.Id == note).LedTo!);
        Assert.Equal([first.Value!], publicView.Notes.Single(n => n.Id == note).LedTo!);
        var events = await silo.Storage.ReadEventsAsync(0, 500);
        Assert.Single(events, e => e.EventType == IdeaEvents.Created);
        Assert.Single(events, e => e.EventType == BoardEvents.Promoted);
        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var timeline = (await silo.Services.GetRequiredService<TimelineQueries>().ForIdeaAsync(ideaId, 1, 50))!.Items;
        var contributed = Assert.Single(timeline, e => e.EventType == IdeaEvents.WorkshopContributed);
        Assert.Equal(("移動販売車が週2回来てほしい", board.WorkshopId),
            (contributed.Data.GetProperty("text").GetString(), contributed.Data.GetProperty("workshopId").GetString()));
    }

    [Fact]
    public async Task A_cluster_hands_over_its_title_and_visible_notes_and_a_note_can_join_a_challenge_but_a_hidden_one_cannot()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        var challengeId = Ids.New();
        As.Resident("r2");
        Assert.True((await silo.Grain<IChallengeGrain>(challengeId).SubmitAsync(new ChallengeInput("島に商店がない", "日用品を買う店がありません。", "elderly"))).Succeeded);
        As.Resident("r1");
        var bus = await board.PostAsync("バスが1日2本");
        var shop = await board.PostAsync("売店が早く閉まる");
        var rude = await board.PostAsync("不適切な投稿");
        As.Staff();
        var cluster = (await board.Board.CreateClusterAsync(board.Column(0), "買い物の足がない")).Value!;
        foreach (var id in new[] { bus, shop, rude })
        {
            Assert.True((await board.Board.ClusterNoteAsync(id, cluster.Id)).Succeeded);
        }

        Assert.True((await board.Board.HideNoteAsync(rude, "不適切")).Succeeded);
        var fromCluster = await board.Board.PromoteAsync(new PromoteInput(BoardSourceKind.Cluster, cluster.Id, PromoteTarget.NewIdea, null, "買い物支援", "足がない人の買い物。", "elderly"));
        var toChallenge = await board.Board.PromoteAsync(new PromoteInput(BoardSourceKind.Note, bus, PromoteTarget.Challenge, challengeId));
        var hidden = await board.Board.PromoteAsync(new PromoteInput(BoardSourceKind.Note, rude, PromoteTarget.Challenge, challengeId));
        var noCategory = await board.Board.PromoteAsync(new PromoteInput(BoardSourceKind.Note, shop, PromoteTarget.NewIdea, null, "売店", "営業時間", null));
        var missingChallenge = await board.Board.PromoteAsync(new PromoteInput(BoardSourceKind.Note, shop, PromoteTarget.Challenge, Ids.New()));
        var view = await board.Board.GetAsync();

        Assert.True(fromCluster.Succeeded, fromCluster.Rejection?.ToString());
        Assert.Equal([fromCluster.Value!], view.Clusters.Single().LedTo!);
        Assert.Equal([new BoardOutcome(PromoteTarget.Challenge, challengeId)], view.Notes.Single(n => n.Id == bus).LedTo!);
        Assert.Equal("noteHidden", hidden.Rejection!.Code);
        Assert.Equal(("required", "category"), (noCategory.Rejection!.Code, noCategory.Rejection.Field));
        Assert.Null(view.Notes.Single(n => n.Id == shop).LedTo);
        Assert.Equal("notFound", missingChallenge.Rejection!.Code);
        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var timeline = (await silo.Services.GetRequiredService<TimelineQueries>().ForIdeaAsync(fromCluster.Value!.TargetId, 1, 50))!.Items;
        var text = Assert.Single(timeline, e => e.EventType == IdeaEvents.WorkshopContributed).Data.GetProperty("text").GetString();
        Assert.Equal("買い物の足がない\n- バスが1日2本\n- 売店が早く閉まる", text);
        var challengeTimeline = (await silo.Services.GetRequiredService<TimelineQueries>().ForChallengeAsync(challengeId, 1, 50))!.Items;
        Assert.Single(challengeTimeline, e => e.EventType == ChallengeEvents.WorkshopContributed);
    }
}

/// <summary>Promoting on SQLite.</summary>
public sealed class SqliteBoardPromoteTests() : BoardPromoteTests("Sqlite");

/// <summary>Promoting on PostgreSQL.</summary>
public sealed class PostgresBoardPromoteTests() : BoardPromoteTests("Postgres");
