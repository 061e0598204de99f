using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Pages.Challenges;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.SignIn;

/// <summary>
/// The account pages and the site's own error page in a real browser: axe in both languages at desktop and phone width,
/// screenshots, and switching language from the header with the choice remembered on the next page.
/// </summary>
public sealed class AccountPagesBrowserTests(ChallengeBrowserFixture lab) : IClassFixture<ChallengeBrowserFixture>
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Sign_in_registration_settings_and_not_found_pass_axe_and_fit_a_phone_in_both_languages(string culture)
    {
        var (_, email) = await lab.Person("港 ゆうき");
        var pages = new (string Name, string Path, string? Email, int Status)[]
        {
            ("login", "/login", null, 200),
            ("register", "/register", null, 200),
            ("settings", "/settings", email, 200),
            ("not-found", "/no-such-page", null, 404),
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
