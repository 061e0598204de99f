using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// What a person types into a comment stays in the field through a reload until the comment is posted (js/drafts.js),
/// and a preview, which the server answers with the page instead of a redirect, keeps it too.
/// </summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class DraftBrowserTests(IdeaPagesTown town)
{
    private const string Field = "#comment-new-input";

    [Fact]
    public async Task A_typed_comment_survives_a_reload_and_is_gone_once_posted()
    {
        var path = $"/ideas/{town.DiscoveryIdea}";
        var page = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(page);
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        var text = $"港の待合室にも案内があると助かります {Guid.NewGuid():N}";

        await page.Locator(Field).PressSequentiallyAsync(text);
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync(text);
        await page.Locator("form:has(#comment-new-input) button[value=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".comment-list")).ToContainTextAsync(text);
        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync("");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync("");
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_previewed_comment_is_still_a_draft_when_the_page_is_opened_again()
    {
        var path = $"/ideas/{town.ResearchIdea}";
        var page = await town.NewPageAsync();
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        var text = $"**試し書き** {Guid.NewGuid():N}";
        // Signed in, the thread is an island: once it is up, Preview shows in place instead of posting the page.
        await Assertions.Expect(page.GetByTestId("comment-island")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator(Field).FillAsync(text);
        await page.Locator("form:has(#comment-new-input) button[value=preview]").ClickAsync();
        await Assertions.Expect(page.Locator(".comment-preview")).ToBeVisibleAsync();
        await page.GotoAsync(path);

        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync(text);
        await Assertions.Expect(page.Locator(".comment-preview")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
