using System.Net.Http.Json;
using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>
/// Live updates and the person's own page in a real browser: counts and badges change without a reload, /me lists the
/// notifications and marks them read (with and without JavaScript), and passes axe in Japanese and English.
/// </summary>
public sealed class LiveBrowserTests(LiveTown town) : IClassFixture<LiveTown>
{
    [Fact]
    public async Task A_second_resident_supports_and_votes_and_the_first_sees_the_counts_and_the_stage_badge_change_without_a_reload()
    {
        var (challengeId, ideaId) = town.Fresh;
        var watcher = await town.NewPageAsync();
        var failures = BrowserSession.RecordFailures(watcher);
        await watcher.GotoAsync("/");
        // The markup the challenge and idea pages use to plug into the live streams.
        await watcher.SetContentAsync($$"""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>live</title>
            <script src="/js/live.js"></script></head>
            <body><main>
            <div data-live-src="/live/challenges/{{challengeId}}"><span data-testid="support-count" data-live-swap="support-count">0</span></div>
            <div data-live-src="/live/ideas/{{ideaId}}"><span data-live-swap="stage"><span data-testid="stage">?</span></span>
            <span data-testid="vote-count" data-live-swap="vote-count">0</span></div>
            </main></body></html>
            """);
        await Assertions.Expect(watcher.GetByTestId("stage")).ToContainTextAsync("課題発見");
        await watcher.EvaluateAsync("window.stillHere = true");

        var neighbour = await town.NewPageAsync();
        await LiveTown.SignInAsync(neighbour, town.NeighbourEmail, "/me");
        await using (var supported = await neighbour.Context.APIRequest.PostAsync($"/api/challenges/{challengeId}/support"))
        {
            Assert.True(supported.Ok, await supported.TextAsync());
        }

        await Assertions.Expect(watcher.GetByTestId("support-count")).ToHaveTextAsync("1");
        await using (var voted = await neighbour.Context.APIRequest.PostAsync($"/api/ideas/{ideaId}/votes"))
        {
            Assert.True(voted.Ok, await voted.TextAsync());
        }

        await Assertions.Expect(watcher.GetByTestId("vote-count")).ToHaveTextAsync("1");
        using var facilitator = town.Facilitator();
        using var advanced = await facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/advance",
            new { toStage = "research", rationale = "朝市の来場者に聞き取りをします。", evidence = new[] { "https://town.example.jp/asaichi" } });
        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());

        await Assertions.Expect(watcher.GetByTestId("stage")).ToContainTextAsync("調査");
        Assert.Equal(1, await watcher.GetByTestId("stage").CountAsync());
        Assert.True(await watcher.EvaluateAsync<bool>("window.stillHere === true"));
        Assert.Empty(failures);
        await watcher.Context.CloseAsync();
        await neighbour.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja", 0)]
    [InlineData("en", 0)]
    public async Task My_page_lists_notifications_own_challenges_and_follows_in_both_languages_with_no_serious_axe_violation(string culture, int resident)
    {
        var person = town.Residents[resident];
        var page = await town.NewPageAsync();
        var failures = BrowserSession.RecordFailures(page);
        await LiveTown.SignInAsync(page, person.Email, "/me", culture);
        // axe looks at the page as it is once the live badge and list are up.
        await NotificationLiveBrowserTests.WaitForCircuitAsync(page);

        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var items = page.GetByTestId("notification");
        await Assertions.Expect(items).ToHaveCountAsync(4);
        Assert.Equal(4, await page.Locator(".notification.is-unread").CountAsync());
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("4");
        var texts = await items.AllInnerTextsAsync();
        if (culture == "ja")
        {
            Assert.Contains("「移動販売車の巡回ルートを見直す」は保留になりました", texts[0]);
            Assert.Contains("理由：来年度の予算で検討します。", texts[0]);
            Assert.Contains("「バス停に屋根がほしい」が「調査」に進みました", texts[1]);
            Assert.Contains("取り上げられ", texts[2]);
            Assert.Contains("市役所 三郎さんが、「バス停に屋根がほしい」のあなたのコメントに返信しました", texts[3]);
            Assert.All(texts, t => Assert.Contains("未読", t));
        }
        else
        {
            Assert.Contains("was put on hold", texts[0]);
            Assert.Contains("moved on to Research", texts[1]);
            Assert.Contains("市役所 三郎 replied to your comment", texts[3]);
        }

        Assert.Equal($"ideas/{person.FollowedIdea}", await items.First.Locator(".notification-text a").GetAttributeAsync("href"));
        var mine = await page.GetByTestId("my-challenges").Locator("li").AllInnerTextsAsync();
        Assert.Equal(2, mine.Count);
        Assert.Contains(mine, m => m.Contains("バス停に屋根がほしい") && m.Contains(culture == "ja" ? "調査" : "Research"));
        Assert.Contains(mine, m => m.Contains("公民館のWi-Fiが遅い") && m.Contains(culture == "ja" ? "受付中" : "Open"));
        var following = await page.GetByTestId("following").Locator("li").AllInnerTextsAsync();
        Assert.Contains(following, f => f.Contains("移動販売車の巡回ルートを見直す") && f.Contains(culture == "ja" ? "保留中" : "On hold"));
        Assert.Empty(failures);
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        Assert.Empty(await MudEnglishOnPage.FindAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"me-{culture}.png"), FullPage = true });

        await page.SetViewportSizeAsync(360, 800);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "/me overflows a 360 px screen");
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"me-{culture}-360.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Marking_one_then_all_read_updates_the_list_and_the_header_badge_and_new_news_arrives_in_the_badge_live()
    {
        var person = town.Residents[1];
        var page = await town.NewPageAsync();
        var failures = BrowserSession.RecordFailures(page);
        await LiveTown.SignInAsync(page, person.Email, "/me");
        await NotificationLiveBrowserTests.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("4");
        await page.EvaluateAsync("window.stillHere = true");

        var first = page.GetByTestId("notification").First;
        await Assertions.Expect(first.GetByTestId("mark-read")).ToHaveAccessibleNameAsync("既読にする （「移動販売車の巡回ルートを見直す」）");
        await first.GetByTestId("mark-read").ClickAsync();
        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("notification-summary")).ToHaveTextAsync("未読 3件");

        await page.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("notification-summary")).ToHaveTextAsync("すべて既読です");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveAttributeAsync("data-count", "0");

        await Assertions.Expect(first.GetByTestId("mute")).ToHaveAccessibleNameAsync("この通知を止める （「移動販売車の巡回ルートを見直す」）");
        await first.GetByTestId("mute").ClickAsync();
        await Assertions.Expect(first.GetByTestId("unmute")).ToHaveAccessibleNameAsync("通知を再開する （「移動販売車の巡回ルートを見直す」）");

        // News while the page is open: the idea taken up from the resident's challenge moves on.
        using var facilitator = town.Facilitator();
        using var advanced = await facilitator.PostAsJsonAsync($"/api/ideas/{person.Idea}/advance",
            new { toStage = "discovery", rationale = "調査の範囲を見直します。", evidence = Array.Empty<string>() });
        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        // The live inbox answered in place; the page itself never reloaded.
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"));
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_marking_one_and_then_all_read_are_plain_form_posts_and_redirects()
    {
        var person = town.Residents[2];
        var page = await town.NewPageAsync(javaScript: false);
        await LiveTown.SignInAsync(page, person.Email, "/me");
        Assert.Equal(4, await page.Locator(".notification.is-unread").CountAsync());
        // The live inbox's prerendered forms are the static list's own posts.
        await page.GetByTestId("notification").First.GetByTestId("mark-read").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/me");
        Assert.Equal(3, await page.Locator(".notification.is-unread").CountAsync());
        Assert.Equal("3", await page.GetByTestId("unread-count").InnerTextAsync());

        await page.GetByTestId("mark-all-read").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/me");

        Assert.Equal(0, await page.Locator(".notification.is-unread").CountAsync());
        Assert.Equal("すべて既読です", await page.GetByTestId("notification-summary").InnerTextAsync());
        Assert.Equal("0", await page.GetByTestId("unread-count").GetAttributeAsync("data-count"));
        await page.Context.CloseAsync();
    }
}
