using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// The triage grid on the facilitator's queue in a real browser: a merge and a decline made by keyboard alone through
/// their dialogs, the grid following what others do without a reload, and axe in Japanese and English at 1280 and 360 px
/// with a dialog and the merge picker open, with none of MudBlazor's English on the Japanese page.
/// </summary>
public sealed class TriageBrowserTests
{
    [Fact]
    public async Task A_facilitator_merges_with_the_picker_and_declines_by_keyboard_alone()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        var duplicate = await site.NewChallenge("病院前のバス停の屋根", "雨にぬれながらバスを待っています。");
        var page = await OpenQueueAsync(site, "ja");
        var failures = Browser.BrowserSession.RecordFailures(page);

        // Merge: the row's button, the picker (type, arrow down, enter), then the confirm button.
        await page.GetByRole(AriaRole.Button, new() { Name = "まとめる…（病院前のバス停の屋根）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("「病院前のバス停の屋根」を似た課題にまとめる");
        await Expect(page.Locator("#triage-merge-target")).ToBeFocusedAsync();
        // Typed once the dialog has finished opening: on a loaded machine a keystroke before that was once lost.
        await SettledAsync(page);
        await page.Keyboard.TypeAsync("屋根");
        await Expect(page.Locator("#triage-merge-target")).ToHaveValueAsync("屋根");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "バス停に屋根がほしい（応援 0人）" });
        await Expect(option).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(page, "triage-merge-picker-ja");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#triage-merge-target")).ToHaveValueAsync("バス停に屋根がほしい（応援 0人）");
        await dialog.GetByTestId("triage-confirm").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(page, duplicate)).ToHaveCountAsync(0);
        var notice = page.GetByTestId("triage-notice");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(notice).ToContainTextAsync("課題をまとめました");
        await Expect(notice.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"challenges/{town.BusShelter}");
        var merged = await site.Json($"/api/challenges/{duplicate}");
        Assert.Equal(("merged", town.BusShelter), (merged.GetProperty("status").GetString(), merged.GetProperty("mergedIntoId").GetString()));

        // Decline: Escape leaves a dialog without deciding; an empty reason is refused beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "見送る…（公園の遊具が古くて危ない）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#triage-decline-reason")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(page, town.Playground)).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "見送る…（公園の遊具が古くて危ない）" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#triage-decline-reason")).ToBeFocusedAsync();
        await dialog.GetByTestId("triage-confirm").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.Locator("#triage-dialog-error")).ToHaveTextAsync("「理由」を入力してください。");
        await page.Locator("#triage-decline-reason").FocusAsync();
        await page.Keyboard.TypeAsync("遊具は来月の点検で交換が決まっています。");
        await dialog.GetByTestId("triage-confirm").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(page, town.Playground)).ToHaveCountAsync(0);
        await Expect(notice).ToContainTextAsync("課題を見送りました");
        Assert.Equal("declined", (await site.Json($"/api/challenges/{town.Playground}")).GetProperty("status").GetString());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_grid_shows_a_new_challenge_and_drops_one_another_facilitator_accepted_without_a_reload()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        var page = await OpenQueueAsync(site, "en");
        var failures = Browser.BrowserSession.RecordFailures(page);

        var library = await site.NewChallenge("図書館の自習席が足りない", "夕方は満席です。", "children");
        await Expect(Row(page, library)).ToHaveCountAsync(1);

        using (var accepted = await site.Facilitator.PostAsJsonAsync($"/api/challenges/{town.Bicycles}/accept", new { }))
        {
            Assert.True(accepted.IsSuccessStatusCode);
        }

        await Expect(Row(page, town.Bicycles)).ToHaveCountAsync(0);
        await Expect(Row(page, library)).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("triage-heading-count")).ToHaveTextAsync("3");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_triage_grid_passes_axe_with_a_dialog_and_the_merge_picker_open_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await OpenQueueAsync(site, culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            // Three rows, the proxy entry marked as such, and MudBlazor's pager in the page's language.
            await Expect(page.GetByTestId("triage-row")).ToHaveCountAsync(3);
            await Expect(Row(page, town.BusShelter).GetByTestId("triage-proxy")).ToHaveTextAsync(culture == "ja" ? "代理入力（電話）" : "Entered for a resident (phone)");
            await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync(culture == "ja" ? "3 件中 1–3 件" : "1-3 of 3");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the queue scrolls sideways at {width} px");
            await StaffSite.ScreenshotAsync(page, $"triage-{culture}-{width}");
            await page.Locator("#triage").ScreenshotAsync(new() { Path = Browser.BrowserSession.ArtifactPath($"triage-section-{culture}-{width}.png") });
            await StaffSite.AssertAccessibleAsync(page);

            if (width > 600)
            {
                // Sorting by a column: its header, once for the least supported first (the oldest, supported, goes last),
                // twice for the most. A phone stacks each row as label and value, without the header row.
                var supporters = page.Locator("th .sortable-column-header", new() { HasText = culture == "ja" ? "応援" : "Supporters" });
                await supporters.ClickAsync();
                await Expect(page.GetByTestId("triage-row").Last).ToHaveAttributeAsync("data-challenge", town.Bicycles);
                await supporters.ClickAsync();
                await Expect(page.GetByTestId("triage-row").First).ToHaveAttributeAsync("data-challenge", town.Bicycles);
                await SettledAsync(page);
                await StaffSite.AssertAccessibleAsync(page);
            }

            await Row(page, town.Bicycles).GetByTestId("triage-merge").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await page.Locator("#triage-merge-target").FillAsync(culture == "ja" ? "屋根" : "バス停");
            await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.ScreenshotAsync(page, $"triage-merge-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

            await Row(page, town.Bicycles).GetByTestId("triage-accept").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.ScreenshotAsync(page, $"triage-accept-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    private static async Task<IPage> OpenQueueAsync(StaffSite site, string culture, int width = 1280)
    {
        var page = await site.FacilitatorPageAsync(culture, width);
        await page.GotoAsync("/facilitate");
        // The grid (and its dialogs) answer only once the circuit is up; before that the queue is its plain forms.
        await Expect(page.GetByTestId("triage-island")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    // MudBlazor fades popovers and dialogs in; axe measures contrast only once they are fully drawn.
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");

    private static ILocator Row(IPage page, string challengeId) =>
        page.Locator("tr", new() { Has = page.Locator($"[data-challenge='{challengeId}']") });
}
