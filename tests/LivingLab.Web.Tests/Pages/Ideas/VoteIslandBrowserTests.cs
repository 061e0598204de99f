using System.Globalization;
using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// The vote on an idea page as an interactive island (signed-in readers): a vote answers in place, another reader's
/// count follows without a reload, and a refusal shows beside the button in the page's language.
/// </summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class VoteIslandBrowserTests(IdeaPagesTown town)
{
    [Fact]
    public async Task A_vote_in_one_browser_changes_the_count_in_another_without_a_reload()
    {
        var path = $"/ideas/{town.PilotIdea}";
        var voter = await town.NewPageAsync();
        var watcher = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(voter);
        failures.AddRange(IdeaPagesTown.RecordFailures(watcher));
        await IdeaPagesTown.SignInAsync(voter, town.ResidentEmail, path);
        await IdeaPagesTown.SignInAsync(watcher, town.PartnerMemberEmail, path);
        await WaitForCircuitAsync(voter);
        await WaitForCircuitAsync(watcher);
        await watcher.EvaluateAsync("window.stillHere = true");
        var before = int.Parse(await watcher.GetByTestId("vote-count").InnerTextAsync(), CultureInfo.InvariantCulture);

        await voter.GetByTestId("vote-button").ClickAsync();

        await Assertions.Expect(voter.GetByTestId("voted")).ToBeVisibleAsync();
        await Assertions.Expect(watcher.GetByTestId("vote-count")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await voter.GetByTestId("vote-button").ClickAsync();
        await Assertions.Expect(voter.GetByTestId("voted")).ToHaveCountAsync(0);
        await Assertions.Expect(watcher.GetByTestId("vote-count")).ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
        Assert.True(await watcher.EvaluateAsync<bool>("window.stillHere === true"), "the watcher's page reloaded");
        Assert.Empty(failures);
        await voter.Context.CloseAsync();
        await watcher.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja", "すでに投票")]
    [InlineData("en", "already")]
    public async Task A_refused_vote_shows_the_reason_beside_the_button_in_the_pages_language(string culture, string words)
    {
        var path = $"/ideas/{town.ResearchIdea}";
        var page = await town.NewPageAsync();
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path, culture);
        await WaitForCircuitAsync(page);
        Assert.Equal(0, await page.GetByTestId("voted").CountAsync());

        // The same person votes elsewhere (another tab, the API) after this page was drawn: its button still says "vote".
        var voted = await page.Context.APIRequest.PostAsync($"/api/ideas/{town.ResearchIdea}/votes", new APIRequestContextOptions { DataObject = new { } });
        Assert.True(voted.Ok, $"API vote: {voted.Status}");
        await page.GetByTestId("vote-button").ClickAsync();

        var error = page.Locator("#vote-error");
        await Assertions.Expect(error).ToContainTextAsync(words, new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        Assert.Equal("vote-error", await page.GetByTestId("vote-button").GetAttributeAsync("aria-describedby"));
        var withdrawn = await page.Context.APIRequest.DeleteAsync($"/api/ideas/{town.ResearchIdea}/votes");
        Assert.True(withdrawn.Ok);
        await page.Context.CloseAsync();
    }

    // The island answers by itself only once its circuit is up; before that a click is the plain form post.
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("vote-island")).ToHaveAttributeAsync("data-interactive", "true");
}
