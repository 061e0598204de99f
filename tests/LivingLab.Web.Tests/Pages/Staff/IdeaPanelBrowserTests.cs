using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// The idea panel's islands in a real browser: the reword preview following the typing (and the text kept across a
/// reload), a KPI added by keyboard alone
/// through its dialog (Escape closes one), axe in Japanese and English at 1280 and 360 px with a dialog open, and the
/// same panel without JavaScript working through its plain forms.
/// </summary>
public sealed class IdeaPanelBrowserTests
{
    [Fact]
    public async Task The_reword_preview_follows_the_typing_survives_a_reload_and_a_KPI_is_added_by_keyboard_through_its_dialog()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        var page = await OpenPanelAsync(site, town.Shopping, "ja");
        var failures = Browser.BrowserSession.RecordFailures(page);

        await page.GetByText("タイトル・説明を書き直す").ClickAsync();
        await page.Locator("#reword-summary").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("島の注文を**LINE**で受けます。<b>太字ではない</b>");
        var preview = page.GetByTestId("reword-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("LINE");
        await Expect(preview).ToContainTextAsync("<b>太字ではない</b>");
        Assert.Equal(0, await preview.Locator("b").CountAsync());

        // What was typed survives a reload (drafts.js): back in the field once the circuit is up, and in the preview.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("reword-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("#reword-summary")).ToHaveValueAsync("島の注文を**LINE**で受けます。<b>太字ではない</b>");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("LINE");

        await page.GetByTestId("kpi-add").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#kpi-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("注文件数");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#kpi-unit")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("件/月");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("0");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("120");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByTestId("kpi-confirm")).ToBeFocusedAsync();
        await StaffSite.ScreenshotAsync(page, "idea-panel-kpi-dialog-ja");
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("kpi-status")).ToContainTextAsync("KPIを追加しました。");
        await Expect(page.GetByTestId("kpi-table")).ToContainTextAsync("注文件数");
        await Expect(page.GetByTestId("kpi-charts")).ToContainTextAsync("注文件数");

        // Escape closes a dialog without recording anything.
        await page.GetByRole(AriaRole.Button, new() { Name = "「注文件数」の測定値を記録する" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#measure-value")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("12");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        var kpis = (await site.Json($"/api/ideas/{town.Shopping}")).GetProperty("kpis");
        Assert.Equal(0, kpis[0].GetProperty("measurements").GetArrayLength());
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_idea_panel_passes_axe_with_its_islands_and_a_dialog_open_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await OpenPanelAsync(site, town.Pilot, culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
            await page.Locator("#reword-summary").FillAsync("公民館で**月2回**のスマホ教室を開きます。\n\n- 相談窓口\n- 出張教室");
            await Expect(page.GetByTestId("reword-preview").Locator("li")).ToHaveCountAsync(2);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the panel scrolls sideways at {width} px");
            await StaffSite.ScreenshotAsync(page, $"idea-panel-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);

            await page.Locator("[data-testid^=measure-open-]").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.ScreenshotAsync(page, $"idea-panel-dialog-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_JavaScript_the_panel_rewords_with_a_preview_and_adds_a_KPI_through_its_plain_forms()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("買い物が不便");
        var page = await site.FacilitatorPageAsync("en", javaScript: false);
        await page.GotoAsync($"/facilitate/ideas/{idea}");
        Assert.Equal(0, await page.GetByTestId("reword-island").CountAsync());

        await page.GetByText("Reword the title and description").ClickAsync();
        await page.Locator("#reword-summary").FillAsync("島の商店への注文を**LINE**で受けます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByTestId("reword-preview").Locator("strong")).ToHaveTextAsync("LINE");

        await page.Locator("#kpi-name").FillAsync("Orders");
        await page.Locator("#kpi-unit").FillAsync("orders/month");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the KPI" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("The KPI was added.");
        await Expect(page.GetByTestId("kpi-table")).ToContainTextAsync("Orders");
        Assert.Equal("Orders", (await site.Json($"/api/ideas/{idea}")).GetProperty("kpis")[0].GetProperty("name").GetString());
    }

    private static async Task<IPage> OpenPanelAsync(StaffSite site, string ideaId, string culture, int width = 1280)
    {
        var page = await site.FacilitatorPageAsync(culture, width);
        await page.GotoAsync($"/facilitate/ideas/{ideaId}");
        // The islands answer by themselves only once the circuit is up.
        await Expect(page.GetByTestId("reword-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByTestId("kpi-island")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    // MudBlazor fades dialogs in; axe measures contrast only once they are fully drawn.
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
}
