using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;

namespace LivingLab.Tests.Workshops;

/// <summary>What a workshop keeps afterwards (minutes, recording, feedback) through the real runtime, on both stores.</summary>
public abstract class WorkshopRecordTests(string provider)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 16, 1, 0, 0, TimeSpan.Zero);

    private static async Task<IWorkshopGrain> CreatedAsync(TestSilo silo, int capacity = 2)
    {
        var grain = silo.Grain<IWorkshopGrain>(Ids.New());
        Callers.Facilitator();
        var created = await grain.CreateAsync(new WorkshopInput("飛島の買い物を考える会", "", Stage.Discovery, [], [], "飛島総合センター", null,
            capacity, GuestsAllowed: false, Start, Start.AddHours(2)));
        Assert.True(created.Succeeded, created.Rejection?.ToString());
        return grain;
    }

    [Fact]
    public async Task A_facilitator_keeps_minutes_and_a_recording_link_and_a_script_link_or_a_resident_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo);

        Callers.Resident("r1");
        var byResident = await grain.RecordAsync(new WorkshopRecordInput("# 議事録", null));
        Callers.Facilitator();
        var script = await grain.RecordAsync(new WorkshopRecordInput("# 議事録", "javascript:alert(1)"));
        var tooLong = await grain.RecordAsync(new WorkshopRecordInput(new string('あ', WorkshopRules.MaxMinutesLength + 1), null));
        var kept = await grain.RecordAsync(new WorkshopRecordInput("  # 議事録\n- 買い物の困りごとが 12 件  ", "https://video.example.jp/ws/1"));
        var resent = await grain.RecordAsync(new WorkshopRecordInput("# 議事録\n- 買い物の困りごとが 12 件", "https://video.example.jp/ws/1"));
        Callers.Anonymous();
        var read = (await grain.GetAsync())!;

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("invalidUrl", "recordingUrl"), (script.Rejection!.Code, script.Rejection.Field));
        Assert.Equal(("tooLong", "minutes"), (tooLong.Rejection!.Code, tooLong.Rejection.Field));
        Assert.True(kept.Succeeded && resent.Succeeded);
        Assert.Equal(("# 議事録\n- 買い物の困りごとが 12 件", "https://video.example.jp/ws/1"), (read.Minutes, read.RecordingUrl));
        Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == WorkshopEvents.Recorded);
    }

    [Fact]
    public async Task Only_people_with_a_seat_rate_a_workshop_once_it_has_begun_a_second_answer_replaces_the_first_and_staff_see_no_names()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo, capacity: 2);
        foreach (var person in new[] { "r1", "r2", "r3" })
        {
            Callers.Resident(person);
            await grain.RegisterAsync();
        }

        Callers.Resident("r1");
        var early = await grain.GiveFeedbackAsync(new FeedbackInput(5, null));
        silo.Clock.Advance(Start.AddHours(1) - silo.Clock.GetUtcNow());
        var noRating = await grain.GiveFeedbackAsync(new FeedbackInput(null, "よかった"));
        var six = await grain.GiveFeedbackAsync(new FeedbackInput(6, null));
        var first = await grain.GiveFeedbackAsync(new FeedbackInput(3, "少し長かった"));
        var second = await grain.GiveFeedbackAsync(new FeedbackInput(4, "島の人の声が聞けてよかった"));
        var resent = await grain.GiveFeedbackAsync(new FeedbackInput(4, " 島の人の声が聞けてよかった "));
        Callers.Resident("r2");
        var r2 = await grain.GiveFeedbackAsync(new FeedbackInput(5, null));
        Callers.Resident("r3");
        var waiting = await grain.GiveFeedbackAsync(new FeedbackInput(1, "席がなかった"));
        var waitingView = (await grain.GetFeedbackAsync())!;
        Callers.Facilitator();
        var staff = (await grain.GetFeedbackAsync())!;

        Assert.Equal("feedbackNotOpen", early.Rejection!.Code);
        Assert.Equal(("required", "rating"), (noRating.Rejection!.Code, noRating.Rejection.Field));
        Assert.Equal(("outOfRange", "rating"), (six.Rejection!.Code, six.Rejection.Field));
        Assert.True(first.Succeeded);
        Assert.Equal((4, "島の人の声が聞けてよかった"), (second.Value!.Mine!.Rating, second.Value.Mine.Comment));
        Assert.True(second.Value.Open);
        Assert.Equal(second.Value.Mine, resent.Value!.Mine);
        Assert.Null(second.Value.Summary);
        Assert.True(r2.Succeeded);
        Assert.Equal("notRegistered", waiting.Rejection!.Code);
        Assert.False(waitingView.Open);
        var summary = staff.Summary!;
        Assert.Equal((2, 4.5), (summary.Count, summary.Average));
        Assert.Equal([0, 0, 0, 1, 1], summary.Ratings);
        Assert.Equal("島の人の声が聞けてよかった", Assert.Single(summary.Comments).Comment);
        var given = (await silo.Storage.ReadEventsAsync(0, 100)).Where(e => e.EventType == WorkshopEvents.FeedbackGiven).ToList();
        Assert.Equal(3, given.Count);
        Assert.All(given, e => Assert.DoesNotContain("よかった", e.Payload));
    }

    [Fact]
    public async Task Feedback_survives_a_restart_of_the_silo()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        string id;
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = await CreatedAsync(silo);
            id = grain.GetPrimaryKeyString();
            Callers.Resident("r1");
            await grain.RegisterAsync();
            silo.Clock.Advance(Start.AddHours(3) - silo.Clock.GetUtcNow());
            Assert.True((await grain.GiveFeedbackAsync(new FeedbackInput(2, "資料が見えにくかった"))).Succeeded);
        }

        await using var restarted = await TestSilo.StartAsync(store);
        Callers.Facilitator();
        var summary = (await restarted.Grain<IWorkshopGrain>(id).GetFeedbackAsync())!.Summary!;

        Assert.Equal((1, 2.0, "資料が見えにくかった"), (summary.Count, summary.Average, Assert.Single(summary.Comments).Comment));
    }
}

/// <summary>Workshop records on SQLite.</summary>
public sealed class SqliteWorkshopRecordTests() : WorkshopRecordTests("Sqlite");

/// <summary>Workshop records on PostgreSQL.</summary>
public sealed class PostgresWorkshopRecordTests() : WorkshopRecordTests("Postgres");
