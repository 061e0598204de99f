using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>
/// A small town for the live and /me browser tests, built through the API: each of a few residents posted two local
/// issues and commented on one; a facilitator answered the comment, took the issue up as an idea and moved it to
/// research; each resident follows and voted on another idea that was then put on hold. So each resident has four
/// notifications. Then served by Kestrel on the same store, with one headless Chromium.
/// </summary>
public sealed class LiveTown : BrowserTown
{
    private string facilitatorToken = "";

    /// <summary>The residents' emails (password <see cref="AccountApi.Password"/>), each with their own story.</summary>
    public IReadOnlyList<Resident> Residents { get; private set; } = [];

    /// <summary>A resident with no story, who supports and votes in the live journey.</summary>
    public string NeighbourEmail { get; private set; } = "";

    /// <summary>An open local issue and an idea in discovery nobody has touched, for the live journey.</summary>
    public (string ChallengeId, string IdeaId) Fresh { get; private set; }

    /// <summary>A new browser context (its own cookies) and page at 1280 × 900, addressed relative to the town.</summary>
    public Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280) => NewPageAsync(width, 900, javaScript);

    /// <summary>The facilitator's API client on the running town (a personal access token).</summary>
    public HttpClient Facilitator()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", facilitatorToken);
        return client;
    }

    protected override async Task BuildAsync(Lab lab)
    {
        using (var token = await lab.Facilitator.PostAsJsonAsync("/api/account/tokens", new { name = "live-town" }))
        {
            Assert.Equal(HttpStatusCode.Created, token.StatusCode);
            facilitatorToken = (await AccountApi.Json(token)).GetProperty("token").GetString()!;
        }

        var residents = new List<Resident>();
        foreach (var name in new[] { "酒田 花子", "飛島 次郎", "鳥海 三郎" })
        {
            var (client, email) = await RegisterAsync(lab, name);
            var roof = await lab.NewChallenge(client, Lab.ChallengeBody("バス停に屋根がほしい", "雨の日にバスを待つのがつらいです。", "transport"));
            var wifi = await lab.NewChallenge(client, Lab.ChallengeBody("公民館のWi-Fiが遅い", "オンライン講座が途切れます。", "digital"));
            var comment = await Lab.Comment(client, $"/api/challenges/{roof}", "駅前のバス停が特に困ります。");
            var other = await lab.NewIdea(lab.Resident, "移動販売車の巡回ルートを見直す");
            (await client.PostAsync($"/api/ideas/{other}/follow", null)).EnsureSuccessStatusCode();
            (await client.PostAsync($"/api/ideas/{other}/votes", null)).EnsureSuccessStatusCode();

            await Lab.Comment(lab.Facilitator, $"/api/challenges/{roof}", "現地を確認しました。", comment);
            using var accepted = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{roof}/accept", new { });
            Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
            var idea = (await AccountApi.Json(accepted)).GetProperty("ideaId").GetString()!;
            await lab.Advance(idea, "research");
            using var onHold = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{other}/close", new { status = "onHold", reason = "来年度の予算で検討します。" });
            Assert.True(onHold.IsSuccessStatusCode, await onHold.Content.ReadAsStringAsync());
            residents.Add(new Resident(name, email, roof, wifi, idea, other));
        }

        Residents = residents;
        (_, NeighbourEmail) = await RegisterAsync(lab, "日和山 四郎");
        Fresh = (await lab.NewChallenge(lab.Resident, Lab.ChallengeBody("海岸のごみ拾いの道具を貸してほしい", "月に一度、有志で清掃しています。", "environment")),
            await lab.NewIdea(lab.Resident, "港の朝市をオンラインでも案内する"));
    }

    private static async Task<(HttpClient Client, string Email)> RegisterAsync(Lab lab, string name)
    {
        var client = lab.Factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        using var registered = await AccountApi.Register(client, email, displayName: name);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (client, email);
    }

    /// <summary>One resident's story: their two challenges (the first taken up as <see cref="Idea"/>) and the idea they follow.</summary>
    public sealed record Resident(string Name, string Email, string Challenge, string OpenChallenge, string Idea, string FollowedIdea);
}
