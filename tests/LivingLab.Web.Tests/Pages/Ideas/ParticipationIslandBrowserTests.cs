using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// The follow and comment islands in a real browser: a comment posted by keyboard in one browser appears in another's
/// open page without a reload, a follow flips in place, a refusal shows beside the field in the page's language, and
/// the pages stay axe-clean in ja and en at 1280 and 360 px.
/// </summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class ParticipationIslandBrowserTests(IdeaPagesTown town)
{
    private const string Field = "#comment-new-input";

    [Fact]
    public async Task A_comment_posted_by_keyboard_in_one_browser_appears_in_anothers_open_page_without_a_reload()
    {
        var path = $"/ideas/{town.PilotIdea}";
        var writer = await town.NewPageAsync();
        var reader = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(writer);
        failures.AddRange(IdeaPagesTown.RecordFailures(reader));
        await IdeaPagesTown.SignInAsync(writer, town.ResidentEmail, path);
        await IdeaPagesTown.SignInAsync(reader, town.PartnerMemberEmail, path);
        await WaitForCircuitAsync(writer);
        await WaitForCircuitAsync(reader);
        await reader.EvaluateAsync("window.stillHere = true");
        var text = $"港の待合室でも予約できると助かります {Guid.NewGuid():N}";

        // Keyboard only: into the field, type, then Tab past Preview to the submit button and press Enter.
        await writer.Locator(Field).FocusAsync();
        await writer.Keyboard.TypeAsync(text);
        await writer.Keyboard.PressAsync("Tab");
        await writer.Keyboard.PressAsync("Tab");
        Assert.Equal("submit", await writer.EvaluateAsync<string>("document.activeElement.value"));
        await writer.Keyboard.PressAsync("Enter");

        await Assertions.Expect(writer.GetByTestId("comment-new-status")).ToHaveTextAsync("コメントを投稿しました。");
        await Assertions.Expect(writer.Locator(".comment-list")).ToContainTextAsync(text);
        await Assertions.Expect(writer.Locator(Field)).ToHaveValueAsync("");
        // The focus stays where the person was, so the next Tab goes on from there.
        Assert.Equal("submit", await writer.EvaluateAsync<string>("document.activeElement.value"));
        await Assertions.Expect(reader.Locator(".comment-list")).ToContainTextAsync(text);
        await Assertions.Expect(reader.GetByTestId("comments-live-status")).ToHaveTextAsync("新しいコメントが届きました。");
        Assert.True(await reader.EvaluateAsync<bool>("window.stillHere === true"), "the reader's page reloaded");
        Assert.Empty(failures);
        await writer.Context.CloseAsync();
        await reader.Context.CloseAsync();
    }

    [Fact]
    public async Task Following_by_keyboard_flips_the_button_in_place_and_stays_after_a_reload()
    {
        var path = $"/ideas/{town.RolledOutIdea}";
        var page = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(page);
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        await Assertions.Expect(page.GetByTestId("follow-island")).ToHaveAttributeAsync("data-interactive", "true");
        var button = page.GetByTestId("follow-button");
        var before = (await button.InnerTextAsync()).Trim();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(button).Not.ToHaveTextAsync(before);
        await Assertions.Expect(page.GetByTestId("follow-status")).Not.ToBeEmptyAsync();
        var after = (await button.InnerTextAsync()).Trim();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("follow-button")).ToHaveTextAsync(after);
        // And back, so the town is left as it was.
        await Assertions.Expect(page.GetByTestId("follow-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("follow-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-button")).ToHaveTextAsync(before);
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja", 1280, "を入力してください")]
    [InlineData("en", 1280, "is required")]
    [InlineData("ja", 360, "を入力してください")]
    [InlineData("en", 360, "is required")]
    public async Task An_empty_comment_is_refused_beside_the_field_and_the_pages_with_islands_stay_accessible(string culture, int width, string words)
    {
        var path = $"/ideas/{town.ResearchIdea}";
        var page = await town.NewPageAsync(width);
        var failures = IdeaPagesTown.RecordFailures(page);
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path, culture);
        await WaitForCircuitAsync(page);

        await page.Locator("form:has(#comment-new-input) button[value=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#comment-new-error")).ToContainTextAsync(words);
        Assert.Contains("comment-new-error", await page.Locator(Field).GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await StaffSite.AssertAccessibleAsync(page);
        if (culture == "ja")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"comment-island-refused-{width}.png"), FullPage = true });
        }

        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    // The islands answer by themselves only once the circuit is up; before that a press is the plain form post.
    private static async Task WaitForCircuitAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("comment-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(page.GetByTestId("follow-island")).ToHaveAttributeAsync("data-interactive", "true");
    }
}
