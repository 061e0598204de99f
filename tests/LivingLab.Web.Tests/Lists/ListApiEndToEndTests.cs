using System.Net;
using System.Net.Http.Json;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Lists;

/// <summary>Writes through the command API, reads through the list API: the whole path from a resident's post to the lists.</summary>
public sealed class ListApiEndToEndTests
{
    [Fact]
    public async Task A_posted_supported_challenge_and_a_voted_idea_appear_in_the_lists_timeline_and_exports()
    {
        await using var factory = AccountApi.Factory();
        using var resident = factory.CreateClient();
        var residentId = await AccountApi.RegisteredId(resident);

        using var posted = await resident.PostAsJsonAsync("/api/challenges",
            new { title = "飛島の商店で品切れが多い", body = "船が欠航すると棚が空になります。", category = "tourism", place = new { text = "飛島" } });
        var challengeId = (await AccountApi.Json(posted)).GetProperty("id").GetString()!;
        using var supported = await resident.PostAsync($"/api/challenges/{challengeId}/support", null);
        using var proposed = await resident.PostAsJsonAsync("/api/ideas",
            new { title = "LINEで注文できる島の商店", summary = "欠航の前に注文をまとめて送る", category = "tourism" });
        var ideaId = (await AccountApi.Json(proposed)).GetProperty("id").GetString()!;
        using var voted = await resident.PostAsync($"/api/ideas/{ideaId}/votes", null);
        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.Created),
            (posted.StatusCode, proposed.StatusCode));
        Assert.True(supported.IsSuccessStatusCode && voted.IsSuccessStatusCode);

        // Lists follow the event log a moment behind; a reader that must see this write catches up first.
        await factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        using var anonymous = factory.CreateClient();

        var challenge = Assert.Single((await AccountApi.Json(await anonymous.GetAsync("/api/challenges?q=飛島&category=tourism"))).GetProperty("items").EnumerateArray());
        Assert.Equal((challengeId, 1, "discovery", "飛島"), (challenge.GetProperty("id").GetString(), challenge.GetProperty("supportCount").GetInt32(),
            challenge.GetProperty("stage").GetString(), challenge.GetProperty("placeText").GetString()));
        var idea = Assert.Single((await AccountApi.Json(await anonymous.GetAsync("/api/ideas?sort=votes"))).GetProperty("items").EnumerateArray());
        Assert.Equal((ideaId, 1), (idea.GetProperty("id").GetString(), idea.GetProperty("voteCount").GetInt32()));

        var timeline = (await AccountApi.Json(await anonymous.GetAsync($"/api/challenges/{challengeId}/timeline"))).GetProperty("items").EnumerateArray().ToArray();
        var submitted = Assert.Single(timeline);
        Assert.Equal(("challengeSubmitted", residentId), (submitted.GetProperty("type").GetString(), submitted.GetProperty("actorId").GetString()));
        Assert.Contains("飛島の商店で品切れが多い", await anonymous.GetStringAsync("/api/export/challenges.csv"), StringComparison.Ordinal);
        Assert.Contains(ideaId, await anonymous.GetStringAsync("/api/export/ideas.json"), StringComparison.Ordinal);
    }
}
