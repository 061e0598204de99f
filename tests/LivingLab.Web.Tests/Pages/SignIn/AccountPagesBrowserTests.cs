using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Pages.Challenges;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.SignIn;

/// <summary>
/// The account pages and the site's own error pages (not found, forbidden, error) in a real browser: axe in both
/// languages at desktop and phone width, screenshots, an access token made and revoked through the settings page's
/// forms, and switching language from the header with the choice remembered on the next page.
/// </summary>
public sealed class AccountPagesBrowserTests(ChallengeBrowserFixture lab) : IClassFixture<ChallengeBrowserFixture>
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Sign_in_registration_settings_and_the_error_pages_pass_axe_and_fit_a_phone_in_both_languages(string culture)
    {
        var (_, email) = await lab.Person("港 ゆうき");
        var pages = new (string Name, string Path, string? Email, int Status)[]
        {
            ("login", "/login", null, 200),
            ("register", "/register", null, 200),
            ("settings", "/settings", email, 200),
            ("not-found", "/no-such-page", null, 404),
            ("forbidden", "/forbidden", email, 403),
            ("error", "/error", null, 200),
        };

        foreach (var width in new[] { 1280, 360 })
        {
            foreach (var (name, path, signedIn, status) in pages)
            {
                var page = await lab.Page(culture, signedIn, width);
                var response = await page.GotoAsync(path);

                Assert.Equal(status, response!.Status);
                Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                var violations = await HomePageBrowserTests.SeriousAxeViolationsAsync(page);
                Assert.True(violations.Count == 0, $"{name} {culture} {width}: {string.Join(", ", violations)}");
                Assert.Empty(await MudEnglishOnPage.FindAsync(page));
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} {culture} {width} scrolls sideways");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"account-{name}-{culture}-{width}.png"), FullPage = true });
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task A_token_made_on_the_settings_page_is_shown_once_listed_and_revoked_by_form_posts()
    {
        var (_, email) = await lab.Person("港 トークン");
        var page = await lab.Page("ja", email);
        await page.GotoAsync("/settings");

        await page.GetByLabel("トークンの名前").FillAsync("連携テスト");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-token")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^llpat_"));
        var row = page.Locator("tbody tr", new() { HasText = "連携テスト" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var violations = await HomePageBrowserTests.SeriousAxeViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(", ", violations));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath("account-settings-token-ja.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "「連携テスト」を取り消す" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("取り消し済み");
        await Assertions.Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_header_switches_the_language_and_the_next_page_keeps_it_until_switched_back()
    {
        var page = await lab.Page("ja");
        await page.GotoAsync("/challenges");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Local issues");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Ideas" }).ClickAsync();
        await page.WaitForURLAsync("**/ideas");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Link, new() { Name = "日本語" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await page.GotoAsync("/challenges");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("地域の課題");
    }
}
