using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Pages.Ideas;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Workshops;

/// <summary>
/// The workshop pages in a real browser: registering and withdrawing through the island (with its confirmation), and
/// the list and a workshop with its date poll axe-clean in ja and en at 1280 and 360 px, the poll table never widening
/// the page.
/// </summary>
public sealed class WorkshopBrowserTests(WorkshopTown town) : IClassFixture<WorkshopTown>
{
    [Fact]
    public async Task A_resident_registers_through_the_island_and_withdraws_after_confirming()
    {
        var path = $"/workshops/{town.OneSeat}";
        var page = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(page);
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        await Assertions.Expect(page.GetByTestId("registration-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.EvaluateAsync("window.stillHere = true");
        var button = page.GetByTestId("registration-button");
        await Assertions.Expect(button).ToHaveTextAsync("参加を申し込む");

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("registration-status")).ToHaveTextAsync("参加を申し込みました。");
        await Assertions.Expect(page.GetByTestId("my-registration")).ToContainTextAsync("登録済み");
        await Assertions.Expect(page.GetByTestId("registered-count")).ToHaveTextAsync("参加1人 / 定員1人");
        await Assertions.Expect(button).ToHaveTextAsync("申込を取り消す");
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"), "the page reloaded");

        // A new page starts its island with the registration the prerender read (handed over to the circuit).
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("registration-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.EvaluateAsync("window.stillHere = true");
        await Assertions.Expect(page.GetByTestId("my-registration")).ToContainTextAsync("登録済み");
        await Assertions.Expect(button).ToHaveTextAsync("申込を取り消す");

        // Withdrawing asks first; "keep it" changes nothing.
        await button.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("キャンセル待ちの先頭の人に移ります");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取り消さない" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("my-registration")).ToContainTextAsync("登録済み");

        await button.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取り消す", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("registration-status")).ToHaveTextAsync("申込を取り消しました。");
        await Assertions.Expect(page.GetByTestId("my-registration")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("registered-count")).ToHaveTextAsync("参加0人 / 定員1人");
        Assert.True(await page.EvaluateAsync<bool>("window.stillHere === true"), "the page reloaded");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("registration-button")).ToHaveTextAsync("参加を申し込む");
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja", 1280)]
    [InlineData("en", 1280)]
    [InlineData("ja", 360)]
    [InlineData("en", 360)]
    public async Task The_list_and_a_workshop_with_its_poll_are_accessible_and_fit_the_screen(string culture, int width)
    {
        var page = await town.NewPageAsync(width);
        var failures = IdeaPagesTown.RecordFailures(page);

        await page.GotoAsync($"/workshops?culture={culture}");
        await Assertions.Expect(page.GetByTestId("workshop-list")).ToBeVisibleAsync();
        await StaffSite.AssertAccessibleAsync(page);
        await AssertNoSidewaysScrollAsync(page);

        // Anonymous: the counts only; then a facilitator, with everyone's marks, the comments and "fix this date".
        await page.GotoAsync($"/workshops/{town.WithPoll}?culture={culture}");
        await Assertions.Expect(page.GetByTestId("poll-table")).ToBeVisibleAsync();
        await StaffSite.AssertAccessibleAsync(page);
        await AssertNoSidewaysScrollAsync(page);

        await IdeaPagesTown.SignInAsync(page, town.FacilitatorEmail, $"/workshops/{town.WithPoll}", culture);
        await Assertions.Expect(page.GetByTestId("poll-person")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("poll-answer-form")).ToBeVisibleAsync();
        await page.GetByTestId("fix-slot").First.ClickAsync();
        await StaffSite.AssertAccessibleAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"workshop-poll-{culture}-{width}.png"), FullPage = true });
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    // A wide table scrolls inside its own region; the page itself must never scroll sideways.
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name the elements that reach past the screen's edge, so a failure says where to look.
            var wide = await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)" +
                ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.Fail($"{page.Url}: the page is {overflow}px wider than the screen: {string.Join("; ", wide)}");
        }
    }
}
