using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// Proposing an idea and applying as a partner in a real browser: without JavaScript the plain posts propose (landing on
/// the new idea in discovery) and apply; with it the propose island previews as typed, keeps a draft across a reload and
/// submits, and the partner applies in place without a reload; anonymous readers are sent to sign in; the pages pass axe
/// in Japanese and English at 1280 and 360 px.
/// </summary>
public sealed class ProposeAndApplyBrowserTests
{
    [Fact]
    public async Task Without_JavaScript_the_plain_form_refuses_beside_the_fields_then_proposes_and_lands_on_the_new_idea()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.PageAsync(StaffSite.ResidentEmail, javaScript: false);
        await page.GotoAsync("/ideas");
        await page.GetByTestId("propose-idea").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ideas/new$"));
        Assert.Equal(0, await page.GetByTestId("propose-island").CountAsync());

        await page.Locator("#propose-summary").FillAsync("**雨の日**も自転車で通えるように。<b>太字ではない</b>");
        await page.GetByTestId("propose-submit").ClickAsync();
        await Expect(page.Locator("#propose-title-error")).ToContainTextAsync("「タイトル」を入力してください。");
        await Expect(page.Locator("#propose-category-error")).ToContainTextAsync("「カテゴリー」を入力してください。");
        // Nothing typed is lost on a refusal.
        await Expect(page.Locator("#propose-summary")).ToHaveValueAsync("**雨の日**も自転車で通えるように。<b>太字ではない</b>");

        await page.Locator("#propose-title").FillAsync("港に屋根つきの駐輪場を");
        await page.Locator("#propose-category").SelectOptionAsync("transport");
        await page.GetByTestId("propose-preview-button").ClickAsync();
        var preview = page.GetByTestId("propose-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("雨の日");
        await Expect(preview).ToContainTextAsync("<b>太字ではない</b>");
        var sent = page.Context.APIRequest.CreateFormData();
        foreach (var name in new[] { "__RequestVerificationToken", "_handler", "Input.Key" })
        {
            sent.Set(name, (await page.Locator($"[data-testid=propose-form] input[name='{name}']").GetAttributeAsync("value"))!);
        }

        sent.Set("Input.Title", "港に屋根つきの駐輪場を");
        sent.Set("Input.Category", "transport");
        sent.Set("Input.Summary", "二度目の送信");
        await page.GetByTestId("propose-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ideas/[0-9a-f]+\?done=proposed$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("港に屋根つきの駐輪場を");
        await Expect(page.GetByTestId("proposed-notice")).ToContainTextAsync("「発見」の段階で公開されました");
        await Expect(page.GetByTestId("stage")).ToContainTextAsync("発見");
        var ideas = await site.Json("/api/ideas");
        Assert.Equal(1, ideas.GetProperty("total").GetInt32());
        Assert.Equal("discovery", ideas.GetProperty("items")[0].GetProperty("stage").GetString());

        // The same form sent again (a double click, a resent post) proposes nothing new and lands on the same idea.
        var again = await page.Context.APIRequest.PostAsync("/ideas/new", new APIRequestContextOptions { Form = sent, MaxRedirects = 0 });
        Assert.Equal(302, again.Status);
        Assert.EndsWith(new Uri(page.Url).PathAndQuery, again.Headers["location"], StringComparison.Ordinal);
        Assert.Equal(1, (await site.Json("/api/ideas")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task With_JavaScript_the_island_previews_as_typed_keeps_the_draft_across_a_reload_and_proposes()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.PageAsync(StaffSite.ResidentEmail, culture: "en");
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync("/ideas/new");
        await Expect(page.GetByTestId("propose-island")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("#propose-title").FillAsync("A covered bike park by the port");
        await page.Locator("#propose-summary").FillAsync("So people can **cycle** in the rain. <img src=x onerror=alert(1)>");
        var preview = page.GetByTestId("propose-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("cycle");
        await Expect(preview).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await preview.Locator("img").CountAsync());

        // Submitted without a category: refused in place, beside the field.
        await page.GetByTestId("propose-submit").ClickAsync();
        await Expect(page.Locator("#propose-category-error")).ToContainTextAsync("Category is required.");
        Assert.Equal(0, await page.Locator("#propose-title-error").CountAsync());

        await page.ReloadAsync();
        await Expect(page.GetByTestId("propose-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("#propose-summary")).ToHaveValueAsync("So people can **cycle** in the rain. <img src=x onerror=alert(1)>");
        await Expect(page.Locator("#propose-title")).ToHaveValueAsync("A covered bike park by the port");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("cycle");

        await page.Locator("#propose-category").SelectOptionAsync("transport");
        await Expect(page.Locator("#propose-category-error")).ToHaveCountAsync(0);
        await StaffSite.ScreenshotAsync(page, "propose-island-en-1280");
        await page.GetByTestId("propose-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/ideas/[0-9a-f]+\?done=proposed$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("A covered bike park by the port");
        await Expect(page.GetByTestId("proposed-notice")).ToBeVisibleAsync();
        Assert.Equal(1, (await site.Json("/api/ideas")).GetProperty("total").GetInt32());
        // The draft went with the proposal: a new form starts empty.
        await page.GotoAsync("/ideas/new");
        await Expect(page.GetByTestId("propose-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("#propose-summary")).ToHaveValueAsync("");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Anonymous_readers_see_a_sign_in_link_on_the_board_and_are_sent_to_sign_in_from_the_form()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.PageAsync(StaffSite.ResidentEmail);
        await page.Context.ClearCookiesAsync();

        await page.GotoAsync("/ideas");
        Assert.Equal(0, await page.GetByTestId("propose-idea").CountAsync());
        await page.GetByTestId("propose-idea-sign-in").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\?returnUrl=%2Fideas%2Fnew$"));

        await page.GotoAsync("/ideas/new");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\?returnUrl=%2Fideas%2Fnew$"));
    }

    [Fact]
    public async Task A_partner_applies_in_place_without_a_reload_and_without_JavaScript_the_plain_post_still_applies()
    {
        await using var site = await StaffSite.StartAsync();
        var first = await ResearchIdeaAsync(site, "とびしまの買い物をLINEで注文");
        var second = await ResearchIdeaAsync(site, "港の待合室にWi-Fiを");

        var page = await site.PageAsync(StaffSite.PartnerEmail);
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync($"/ideas/{first}");
        await Expect(page.GetByTestId("apply-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.EvaluateAsync("window.stillHere = true");
        await page.Locator("#apply-proposal").FillAsync("電動モビリティで島内配送を**3か月**実証します。");
        await Expect(page.GetByTestId("proposal-preview").Locator("strong")).ToHaveTextAsync("3か月");
        await page.Locator("#apply-submit").ClickAsync();

        await Expect(page.GetByTestId("own-application")).ToHaveAttributeAsync("data-status", "pending");
        await Expect(page.GetByTestId("apply-status")).ToContainTextAsync("参加の申し込みを受け付けました。");
        await Expect(page.Locator("#apply-proposal")).ToHaveCountAsync(0);
        // The form went away under the keyboard: the focus is on the line that says what happened.
        await Expect(page.GetByTestId("apply-status")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"), "the page reloaded");
        Assert.Equal("pending", (await site.Json($"/api/ideas/{first}")).GetProperty("applications")[0].GetProperty("status").GetString());
        await StaffSite.ScreenshotAsync(page, "apply-island-ja-1280");
        Assert.Empty(failures);

        var plain = await site.PageAsync(StaffSite.PartnerEmail, culture: "en", javaScript: false);
        await plain.GotoAsync($"/ideas/{second}");
        await plain.Locator("#apply-proposal").FillAsync("Free Wi-Fi in the waiting room for **six months**.");
        await plain.Locator("#apply-submit").ClickAsync();
        await Expect(plain.GetByTestId("own-application")).ToContainTextAsync("Application received.");
        Assert.Equal("pending", (await site.Json($"/api/ideas/{second}")).GetProperty("applications")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_propose_page_the_board_and_the_apply_island_pass_axe_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await ResearchIdeaAsync(site, "とびしまの買い物をLINEで注文");
        foreach (var width in new[] { 1280, 360 })
        {
            var resident = await site.PageAsync(StaffSite.ResidentEmail, culture: culture, width: width);
            await resident.GotoAsync("/ideas");
            await Expect(resident.GetByTestId("propose-idea")).ToBeVisibleAsync();
            await StaffSite.AssertAccessibleAsync(resident);

            await resident.GotoAsync("/ideas/new");
            await Expect(resident.GetByTestId("propose-island")).ToHaveAttributeAsync("data-interactive", "true");
            await resident.Locator("#propose-summary").FillAsync("**雨の日**も通えるように。\n\n- 屋根\n- 照明");
            await resident.GetByTestId("propose-submit").ClickAsync();
            await Expect(resident.Locator("#propose-title-error")).ToBeVisibleAsync();
            await Expect(resident.GetByTestId("propose-preview").Locator("li")).ToHaveCountAsync(2);
            Assert.True(await resident.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the form scrolls sideways at {width} px");
            await StaffSite.ScreenshotAsync(resident, $"propose-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(resident);
            await resident.Context.CloseAsync();

            var partner = await site.PageAsync(StaffSite.PartnerEmail, culture: culture, width: width);
            await partner.GotoAsync($"/ideas/{idea}");
            await Expect(partner.GetByTestId("apply-island")).ToHaveAttributeAsync("data-interactive", "true");
            await partner.Locator("#apply-submit").ClickAsync();
            await Expect(partner.Locator("#apply-error")).ToBeVisibleAsync();
            await partner.Locator("#apply-proposal").FillAsync("**3か月**の実証");
            await Expect(partner.GetByTestId("proposal-preview").Locator("strong")).ToHaveTextAsync("3か月");
            await StaffSite.ScreenshotAsync(partner, $"apply-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(partner);
            await partner.Context.CloseAsync();
        }
    }

    private static async Task<string> ResearchIdeaAsync(StaffSite site, string title)
    {
        var idea = await site.NewIdea(title);
        await site.Advance(idea, "research");
        return idea;
    }
}
