using System.Net;
using System.Net.Http.Json;
using LivingLab.People;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>
/// Who a workshop tells, in the app: the person a freed seat goes to, the people who answered the date poll when the date
/// is fixed, and everyone registered or waiting when it is called off; each sentence links to the workshop.
/// </summary>
public sealed class WorkshopNotificationTests
{
    [Fact]
    public async Task The_first_waiting_hears_of_a_freed_seat_and_the_person_who_withdrew_hears_nothing()
    {
        await using var lab = await Lab.StartAsync();
        var workshop = await lab.NewWorkshop(capacity: 1);
        var (seated, _) = await lab.NewResident("酒田 一郎");
        var (waiting, _) = await lab.NewResident("酒田 二郎");
        Assert.Equal(HttpStatusCode.OK, (await seated.PostAsync($"/api/workshops/{workshop}/registration", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting.PostAsync($"/api/workshops/{workshop}/registration", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await seated.DeleteAsync($"/api/workshops/{workshop}/registration")).StatusCode);
        await lab.CatchUpAsync();

        var told = await Lab.GetText(waiting, "/me");
        Assert.Contains("キャンセル待ちから参加登録に繰り上がりました", told);
        Assert.Contains($"href=\"workshops/{workshop}\"", told);
        Assert.Contains("飛島の買い物を考えるワークショップ", told);
        Assert.DoesNotContain("繰り上がりました", await Lab.GetText(seated, "/me"));
    }

    [Fact]
    public async Task Fixing_the_date_tells_everyone_who_answered_the_poll_with_the_date_in_their_language()
    {
        await using var lab = await Lab.StartAsync();
        var workshop = await lab.NewWorkshop(openDate: true);
        var slots = await lab.OpenPoll(workshop);
        var (answered, _) = await lab.NewResident("鶴岡 花子");
        var (silent, _) = await lab.NewResident("鶴岡 太郎");
        using var answer = await answered.PostAsJsonAsync($"/api/workshops/{workshop}/poll/answers",
            new { marks = new Dictionary<string, string> { [slots[0]] = "yes", [slots[1]] = "no" } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var fixedSlot = (await Lab.GetJson(lab.Anonymous, $"/api/workshops/{workshop}/poll")).GetProperty("slots")[0];

        using var schedule = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{workshop}/schedule", new { slotId = slots[0] });
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        await lab.CatchUpAsync();

        var startsAt = fixedSlot.GetProperty("startsAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(9));
        var japanese = await Lab.GetText(answered, "/me");
        Assert.Contains($"日程が {startsAt:yyyy年M月d日 H:mm} に決まりました", japanese);
        var english = await Lab.GetText(answered, "/me?culture=en");
        Assert.Contains($"is set: {startsAt:d MMMM yyyy, H:mm}", english);
        Assert.DoesNotContain("決まりました", await Lab.GetText(silent, "/me"));
    }

    [Fact]
    public async Task Calling_a_workshop_off_tells_the_seated_and_the_waiting_with_the_reason()
    {
        await using var lab = await Lab.StartAsync();
        var workshop = await lab.NewWorkshop(capacity: 1);
        var (seated, _) = await lab.NewResident("庄内 一郎");
        var (waiting, _) = await lab.NewResident("庄内 二郎");
        Assert.Equal(HttpStatusCode.OK, (await seated.PostAsync($"/api/workshops/{workshop}/registration", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting.PostAsync($"/api/workshops/{workshop}/registration", null)).StatusCode);

        Caller.Set(lab.PersonId(Role.Facilitator), [Roles.Facilitator]);
        try
        {
            var grains = lab.Factory.Services.GetRequiredService<IGrainFactory>();
            Assert.True((await grains.GetGrain<IWorkshopGrain>(workshop).CancelAsync("台風の接近のため")).Succeeded);
        }
        finally
        {
            Caller.Clear();
        }

        await lab.CatchUpAsync();
        foreach (var person in new[] { seated, waiting })
        {
            var told = await Lab.GetText(person, "/me");
            Assert.Contains("は中止になりました", told);
            Assert.Contains("台風の接近のため", told);
        }
    }
}
