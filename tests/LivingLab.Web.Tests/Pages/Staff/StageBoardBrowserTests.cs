using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// The facilitator's stage board in a real browser: a card moved by drag and drop and by keyboard through the move dialog,
/// the public idea page showing the new stage, a drop elsewhere snapping back, and axe in Japanese and English.
/// </summary>
public sealed class StageBoardBrowserTests
{
    private const string Discovery = "商店街の空き店舗でスマホ相談会";

    [Fact]
    public async Task A_facilitator_moves_an_idea_by_keyboard_and_the_public_page_shows_its_new_stage()
    {
        await using var site = await StaffSite.StartAsync();
        await TownData.SeedAsync(site);
        var page = await OpenBoardAsync(site, "ja");
        var failures = Browser.BrowserSession.RecordFailures(page);

        var card = Card(page, Discovery);
        await card.GetByRole(AriaRole.Button, new() { Name = $"移動先…（{Discovery}）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var forward = page.GetByRole(AriaRole.Menuitem, new() { Name = "「調査」へ進める" });
        await Assertions.Expect(forward).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(forward).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#move-rationale")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("住民説明会で関心が高かったため、調査に進めます。");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("https://town.example.jp/minutes/2");
        await dialog.GetByTestId("move-confirm").FocusAsync();
        await StaffSite.ScreenshotAsync(page, "stage-board-dialog-ja");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("board-column-research").GetByTestId("board-card").Filter(new() { HasText = Discovery })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("board-status")).ToContainTextAsync("「調査」に移しました");
        await ExpectPublicStageAsync(page, Discovery, "調査");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_facilitator_drags_an_idea_to_the_next_stage_and_a_drop_elsewhere_snaps_back()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        var page = await OpenBoardAsync(site, "en");
        var failures = Browser.BrowserSession.RecordFailures(page);
        const string ferry = "フェリーの予約が電話だけで不便";

        // Two stages on is not a move the gate allows: the card goes back where it was and no dialog opens.
        await Card(page, ferry).DragToAsync(page.GetByTestId("board-column-pilot"));
        await Assertions.Expect(page.GetByTestId("board-column-discovery").GetByTestId("board-card").Filter(new() { HasText = ferry })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.GetByRole(AriaRole.Dialog).CountAsync());

        await Card(page, ferry).DragToAsync(page.GetByTestId("board-column-research"));
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("From Discovery to Research");
        await dialog.Locator("#move-rationale").FillAsync("Residents asked for it at the town meeting.");
        await dialog.GetByTestId("move-confirm").ClickAsync();

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("board-column-research").GetByTestId("board-card").Filter(new() { HasText = ferry })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("board-status")).ToContainTextAsync("moved to Research");
        await page.GotoAsync($"/ideas/{town.Ferry}");
        await Assertions.Expect(page.GetByTestId("stage")).ToContainTextAsync("Research");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_drop_on_a_gate_that_is_not_met_lists_what_is_missing_and_the_card_stays()
    {
        await using var site = await StaffSite.StartAsync();
        await TownData.SeedAsync(site);
        var page = await OpenBoardAsync(site, "ja");
        const string shopping = "とびしまの買い物をLINEで注文";

        await Card(page, shopping).DragToAsync(page.GetByTestId("board-column-pilot"));
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("move-gate")).ToContainTextAsync("運営");
        await dialog.Locator("#move-rationale").FillAsync("実証に進めたい。");
        await dialog.GetByTestId("move-confirm").ClickAsync();

        var refusal = dialog.Locator("#move-error");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        Assert.True(await refusal.Locator("li").CountAsync() >= 2, await refusal.InnerTextAsync());
        await StaffSite.ScreenshotAsync(page, "stage-board-refusal-ja");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("board-column-research").GetByTestId("board-card").Filter(new() { HasText = shopping })).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_stage_board_passes_axe_with_its_menu_and_dialog_open_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        await TownData.SeedAsync(site);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await OpenBoardAsync(site, culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the board scrolls sideways at {width} px");
            await StaffSite.ScreenshotAsync(page, $"stage-board-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);

            await Card(page, Discovery).GetByTestId("move-menu").Locator("button").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Menuitem).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.ScreenshotAsync(page, $"stage-board-dialog-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    private static async Task<IPage> OpenBoardAsync(StaffSite site, string culture, int width = 1280)
    {
        var page = await site.FacilitatorPageAsync(culture, width);
        await page.GotoAsync("/facilitate");
        await page.GetByTestId("board-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/facilitate/board$"));
        // The board answers by itself only once its circuit is up.
        await Assertions.Expect(page.GetByTestId("stage-board")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    // MudBlazor fades popovers and dialogs in; axe measures contrast only once they are fully drawn.
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");

    private static ILocator Card(IPage page, string title) => page.GetByTestId("board-card").Filter(new() { HasText = title });

    private static async Task ExpectPublicStageAsync(IPage page, string title, string stage)
    {
        var id = await Card(page, title).GetAttributeAsync("data-idea");
        await page.GotoAsync($"/ideas/{id}");
        await Assertions.Expect(page.GetByTestId("stage")).ToContainTextAsync(stage);
    }
}
