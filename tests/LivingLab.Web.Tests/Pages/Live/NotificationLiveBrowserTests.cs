using System.Text.Json;
using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>
/// Notifications that arrive live, in a real browser with two contexts: while a resident's page is open, a neighbour
/// replies to their comment, and the resident's header badge and notification list change without a reload; marking
/// everything read in a second tab of the resident's empties the first tab's badge, silently.
/// </summary>
public sealed class NotificationLiveBrowserTests(LiveTown town) : IClassFixture<LiveTown>
{
    [Theory]
    [InlineData("ja", 0, "お知らせ（未読4件）", "お知らせ（未読5件）", "新しいお知らせが届きました（未読5件）", "日和山 四郎さんが、「バス停に屋根がほしい」のあなたのコメントに返信しました", "すべて既読です")]
    [InlineData("en", 1, "Notifications (4 unread)", "Notifications (5 unread)", "A new notification arrived (5 unread)", "日和山 四郎 replied to your comment on “バス停に屋根がほしい”", "All read")]
    public async Task A_reply_from_a_neighbour_reaches_the_open_page_and_its_badge_and_reading_in_another_tab_clears_the_badge(
        string culture, int resident, string four, string five, string arrived, string replied, string allRead)
    {
        var person = town.Residents[resident];
        var page = await town.NewPageAsync();
        var failures = BrowserSession.RecordFailures(page);
        await LiveTown.SignInAsync(page, person.Email, "/me", culture);
        await WaitForCircuitAsync(page);
        await page.EvaluateAsync("window.stillHere = true");
        var link = page.GetByTestId("notification-link");
        await Assertions.Expect(link).ToHaveAccessibleNameAsync(four);
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(4);

        // The neighbour, in a browser of their own, answers the resident's comment on the resident's own challenge.
        var neighbour = await town.NewPageAsync();
        var neighbourFailures = BrowserSession.RecordFailures(neighbour);
        await LiveTown.SignInAsync(neighbour, town.NeighbourEmail, $"/challenges/{person.Challenge}", culture);
        var comment = await CommentIdAsync(neighbour, person.Challenge, "駅前のバス停が特に困ります。");
        await using (var reply = await neighbour.Context.APIRequest.PostAsync($"/api/challenges/{person.Challenge}/comments",
            new APIRequestContextOptions { DataObject = new { body = "私もそこで待っています。", parentId = comment } }))
        {
            Assert.True(reply.Ok, await reply.TextAsync());
        }

        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("5");
        await Assertions.Expect(link).ToHaveAccessibleNameAsync(five);
        await Assertions.Expect(page.GetByTestId("unread-announcement")).ToHaveTextAsync(arrived);
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("notification").First).ToContainTextAsync(replied);
        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(5);
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));

        // The same person in a second tab reads everything there.
        var otherTab = await page.Context.NewPageAsync();
        var otherTabFailures = BrowserSession.RecordFailures(otherTab);
        await otherTab.GotoAsync("/me");
        await WaitForCircuitAsync(otherTab);
        await otherTab.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(otherTab.GetByTestId("notification-summary")).ToHaveTextAsync(allRead);

        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("notification-summary")).ToHaveTextAsync(allRead);
        // A read is no news: nothing is announced for it.
        Assert.Equal("", (await page.GetByTestId("unread-announcement").TextContentAsync())?.Trim());
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"), "the page reloaded");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"me-live-{culture}.png"), FullPage = true });
        await page.SetViewportSizeAsync(360, 800);
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"me-live-{culture}-360.png"), FullPage = true });
        Assert.Empty(failures);
        Assert.Empty(neighbourFailures);
        Assert.Empty(otherTabFailures);
        await page.Context.CloseAsync();
        await neighbour.Context.CloseAsync();
    }

    [Fact]
    public async Task Marking_one_read_answers_in_place_keeps_the_keyboard_on_its_item_and_the_badge_follows()
    {
        var person = town.Residents[2];
        var page = await town.NewPageAsync();
        var failures = BrowserSession.RecordFailures(page);
        await LiveTown.SignInAsync(page, person.Email, "/me");
        await WaitForCircuitAsync(page);
        await page.EvaluateAsync("window.stillHere = true");
        var first = page.GetByTestId("notification").First;

        await first.GetByTestId("mark-read").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("inbox-status")).ToHaveTextAsync("既読にしました");
        await Assertions.Expect(first).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"), "the page reloaded");
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    // The badge and the list both answer from the circuit once it is up (before, their forms are plain posts).
    internal static async Task WaitForCircuitAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=notification-badge][data-interactive=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=notification-inbox][data-interactive=true]")).ToHaveCountAsync(1);
    }

    private static async Task<string> CommentIdAsync(IPage page, string challengeId, string body)
    {
        await using var response = await page.Context.APIRequest.GetAsync($"/api/challenges/{challengeId}/comments");
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("items");
        return items.EnumerateArray().First(c => c.GetProperty("body").GetString() == body).GetProperty("id").GetString()!;
    }
}
