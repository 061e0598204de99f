using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Timeline;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.Workshops;

/// <summary>
/// A workshop's notes handed to ideas and challenges: a new idea in discovery, a note added to an existing idea or
/// challenge, each once however often it is retried; the items' timelines link back and the workshop's outcomes list
/// them as they stand now. Both stores.
/// </summary>
public abstract class WorkshopContributionTests(string provider)
{
    private static readonly string WorkshopId = Ids.New();

    private static WorkshopContribution Note(string source, string text = "バスの本数が少なく、買い物に行けない") =>
        new(WorkshopId, "飛島の買い物を考える会", source, text);

    [Fact]
    public async Task A_note_becomes_an_idea_in_discovery_once_however_often_it_is_promoted_and_only_staff_promote()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var idea = silo.Grain<IIdeaGrain>(Ids.New());
        var input = new IdeaInput("移動販売車を島に", "バスが少ないので、移動販売車で週2回回る。", "elderly");

        Callers.Resident("r1");
        var byResident = await idea.CreateFromWorkshopAsync(input, Note("n1"));
        Callers.Facilitator();
        var noText = await idea.CreateFromWorkshopAsync(input, Note("n1", text: " "));
        var created = await idea.CreateFromWorkshopAsync(input, Note("n1"));
        var retried = await idea.CreateFromWorkshopAsync(input, Note("n1"));
        var other = await idea.CreateFromWorkshopAsync(input, Note("n2"));

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("required", "text"), (noText.Rejection!.Code, noText.Rejection.Field));
        Assert.Equal((Stage.Discovery, IdeaStatus.Open), (created.Value!.Stage, created.Value.Status));
        Assert.True(retried.Succeeded);
        Assert.Equal("alreadyExists", other.Rejection!.Code);
        var events = await silo.Storage.ReadEventsAsync(0, 100);
        Assert.Single(events, e => e.EventType == IdeaEvents.Created);
        var contributed = Assert.Single(events, e => e.EventType == IdeaEvents.WorkshopContributed);
        Assert.Contains("\"created\":true", contributed.Payload);
    }

    [Fact]
    public async Task Notes_added_to_an_idea_and_a_challenge_show_on_their_timelines_and_in_the_workshops_outcomes()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var (newIdea, oldIdea, challengeId) = (Ids.New(), Ids.New(), Ids.New());
        Callers.Resident("r1");
        await silo.Grain<IChallengeGrain>(challengeId).SubmitAsync(new ChallengeInput("島に商店がない", "日用品を買う店がありません。", "elderly"));
        await silo.Grain<IIdeaGrain>(oldIdea).ProposeAsync(new IdeaInput("ネットスーパーの共同注文", "自治会でまとめて注文する。", "elderly"));

        Callers.Facilitator();
        Assert.True((await silo.Grain<IIdeaGrain>(newIdea).CreateFromWorkshopAsync(new IdeaInput("移動販売車を島に", "週2回回る。", "elderly"), Note("c1"))).Succeeded);
        Assert.True((await silo.Grain<IIdeaGrain>(oldIdea).AddWorkshopContributionAsync(Note("n3", "注文はLINEでも電話でも"))).Succeeded);
        Assert.True((await silo.Grain<IIdeaGrain>(oldIdea).AddWorkshopContributionAsync(Note("n3", "注文はLINEでも電話でも"))).Succeeded);
        Assert.True((await silo.Grain<IIdeaGrain>(oldIdea).AddWorkshopContributionAsync(Note("n4", "配達は郵便局と組む"))).Succeeded);
        Assert.True((await silo.Grain<IChallengeGrain>(challengeId).AddWorkshopContributionAsync(Note("n5", "高齢者は重い物を運べない"))).Succeeded);
        var missing = await silo.Grain<IChallengeGrain>(Ids.New()).AddWorkshopContributionAsync(Note("n6"));
        Callers.Resident("r1");
        var byResident = await silo.Grain<IChallengeGrain>(challengeId).AddWorkshopContributionAsync(Note("n7"));

        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var outcomes = await silo.Services.GetRequiredService<WorkshopQueries>().OutcomesAsync(WorkshopId);
        var timelines = silo.Services.GetRequiredService<TimelineQueries>();
        var ideaTimeline = (await timelines.ForIdeaAsync(oldIdea, 1, 50))!.Items;
        var challengeTimeline = (await timelines.ForChallengeAsync(challengeId, 1, 50))!.Items;

        Assert.Equal("notFound", missing.Rejection!.Code);
        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(
            [(ItemKinds.Idea, newIdea, "移動販売車を島に", true, 1), (ItemKinds.Idea, oldIdea, "ネットスーパーの共同注文", false, 2), (ItemKinds.Challenge, challengeId, "島に商店がない", false, 1)],
            outcomes.Select(o => (o.ItemKind, o.ItemId, o.Title, o.Created, o.Contributions)));
        Assert.Equal(Stage.Discovery, outcomes[0].Stage);
        Assert.Equal(2, ideaTimeline.Count(e => e.EventType == IdeaEvents.WorkshopContributed));
        var voice = Assert.Single(challengeTimeline, e => e.EventType == ChallengeEvents.WorkshopContributed);
        Assert.Equal(("高齢者は重い物を運べない", WorkshopId), (voice.Data.GetProperty("text").GetString(), voice.Data.GetProperty("workshopId").GetString()));
    }
}

/// <summary>Workshop contributions on SQLite.</summary>
public sealed class SqliteWorkshopContributionTests() : WorkshopContributionTests("Sqlite");

/// <summary>Workshop contributions on PostgreSQL.</summary>
public sealed class PostgresWorkshopContributionTests() : WorkshopContributionTests("Postgres");
