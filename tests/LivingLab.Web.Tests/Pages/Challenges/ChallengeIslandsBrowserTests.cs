using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>
/// A challenge page's follow and comment islands in a real browser, on a site of its own: follow in place, a comment
/// previewed and posted in place with its Markdown, axe-clean in ja and en at 1280 and 360 px.
/// </summary>
public sealed class ChallengeIslandsBrowserTests
{
    [Fact]
    public async Task Following_and_commenting_in_place_on_a_challenge_page_stay_accessible_in_both_languages_and_widths()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("港の待合室に案内板がほしい", "船の時刻が分かりにくいです。");
        foreach (var (culture, width) in new[] { ("ja", 1280), ("en", 1280), ("ja", 360), ("en", 360) })
        {
            var page = await site.PageAsync(StaffSite.ResidentEmail, culture: culture, width: width);
            var failures = BrowserSession.RecordFailures(page);
            await page.GotoAsync($"/challenges/{id}");
            await Assertions.Expect(page.GetByTestId("comment-island")).ToHaveAttributeAsync("data-interactive", "true");
            await Assertions.Expect(page.GetByTestId("follow-island")).ToHaveAttributeAsync("data-interactive", "true");
            var follow = page.GetByTestId("follow-button");
            var before = (await follow.InnerTextAsync()).Trim();

            await follow.ClickAsync();
            await Assertions.Expect(follow).Not.ToHaveTextAsync(before);
            await Assertions.Expect(page.GetByTestId("follow-status")).Not.ToBeEmptyAsync();
            var words = $"案内板は**二か国語** {culture} {width}";
            await page.Locator("#comment-new-input").FillAsync(words);
            await page.Locator("form:has(#comment-new-input) button[value=preview]").ClickAsync();
            await Assertions.Expect(page.Locator(".comment-preview strong")).ToHaveTextAsync("二か国語");
            await page.Locator("form:has(#comment-new-input) button[value=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".comment-list")).ToContainTextAsync($"{culture} {width}");
            await Assertions.Expect(page.Locator(".comment-preview")).ToHaveCountAsync(0);

            await StaffSite.AssertAccessibleAsync(page);
            if (culture == "ja")
            {
                await StaffSite.ScreenshotAsync(page, $"challenge-islands-{width}");
            }

            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }
}
