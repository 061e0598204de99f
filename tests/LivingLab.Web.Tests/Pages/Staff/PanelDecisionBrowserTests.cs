using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// The idea panel's stage decision and operator choice in a real browser: a move by keyboard through its dialog (Escape
/// closes it and nothing moves), a hold in place, the public page showing the move, the operator chosen from the accepted
/// partners, and axe in Japanese and English at 1280 and 360 px with a decision dialog open.
/// </summary>
public sealed class PanelDecisionBrowserTests
{
    [Fact]
    public async Task A_facilitator_advances_and_holds_an_idea_in_place_by_keyboard_and_the_public_page_shows_the_move()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("とびしまの買い物をLINEで注文");
        var page = await OpenPanelAsync(site, ideaId, "ja");
        var failures = Browser.BrowserSession.RecordFailures(page);
        var dialog = page.GetByRole(AriaRole.Dialog);

        // Escape closes the move's dialog and nothing moves.
        await page.GetByTestId("decide-forward").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#move-rationale")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("まだ決めない");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal("discovery", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("stage").GetString());

        await page.GetByTestId("decide-forward").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#move-rationale")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("島民アンケートで、買い物に不便を感じる人が7割と分かったため。");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#move-evidence")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("https://town.example.jp/survey/2026.pdf");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByTestId("move-confirm")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("decision-status")).ToHaveTextAsync("アイデアを次の段階に進めました。");
        await Expect(page.GetByTestId("decision-status")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("decision-stage")).ToContainTextAsync("調査");
        await Expect(page.GetByTestId("stage")).ToContainTextAsync("調査");
        await Expect(page.GetByTestId("decision-timeline")).ToContainTextAsync("島民アンケートで、買い物に不便を感じる人が7割と分かったため。");
        Assert.Equal("research", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("stage").GetString());

        // A hold asks for its reason; a missing one is refused beside the field and the dialog stays.
        await page.GetByTestId("decide-hold").ClickAsync();
        await dialog.GetByTestId("decision-confirm").ClickAsync();
        await Expect(dialog.Locator("#decision-error")).ToContainTextAsync("「理由」を入力してください。");
        await dialog.GetByLabel("理由").FillAsync("来年度の予算が決まるまで保留します。");
        await StaffSite.ScreenshotAsync(page, "idea-panel-hold-dialog-ja");
        await dialog.GetByTestId("decision-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("decision-status")).ToHaveTextAsync("アイデアを保留にしました。");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("保留");
        await Expect(page.GetByTestId("decide-reopen")).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(page, "idea-panel-decided-ja");
        Assert.Equal("onHold", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("status").GetString());
        Assert.Empty(failures);

        // The public page tells the same story.
        await page.GotoAsync($"/ideas/{ideaId}");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("島民アンケートで、買い物に不便を感じる人が7割と分かったため。");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("来年度の予算が決まるまで保留します。");
    }

    [Fact]
    public async Task The_operator_is_chosen_in_place_from_the_town_and_the_partners_accepted_on_the_idea()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(ideaId, "research");
        var applicationId = await site.Apply(ideaId);
        var page = await OpenPanelAsync(site, ideaId, "ja");
        var failures = Browser.BrowserSession.RecordFailures(page);

        await page.Locator($"#application-{applicationId}").GetByTestId("application-accept").ClickAsync();
        await Expect(page.GetByTestId("applications-status")).ToContainTextAsync("応募を承認しました。");

        await page.GetByTestId("operator-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "とびしまモビリティ株式会社" }).ClickAsync();
        await page.GetByTestId("operator-save").ClickAsync();
        await Expect(page.GetByTestId("operator-status")).ToHaveTextAsync("運営者を決めました。");
        await Expect(page.GetByTestId("operator-current")).ToHaveTextAsync("とびしまモビリティ株式会社");
        // The operator is a condition of the pilot gate: the checklist beside it follows.
        await Expect(page.GetByTestId("decision-island").Locator(".gate-met")).ToHaveCountAsync(1);
        var stored = (await site.Json($"/api/ideas/{ideaId}")).GetProperty("operator");
        Assert.Equal(("partner", site.PartnerId), (stored.GetProperty("kind").GetString(), stored.GetProperty("partner").GetProperty("id").GetString()));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_decision_and_its_dialog_pass_axe_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await OpenPanelAsync(site, town.Pilot, culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the panel scrolls sideways at {width} px");
            await page.GetByTestId("decision-island").ScrollIntoViewIfNeededAsync();
            await StaffSite.ScreenshotAsync(page, $"idea-panel-decision-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);

            await page.GetByTestId("decide-hold").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Dialog).GetByTestId("decision-confirm").ClickAsync();
            await Expect(page.Locator("#decision-error")).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.ScreenshotAsync(page, $"idea-panel-decision-dialog-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

            await page.GetByTestId("decide-forward").ClickAsync();
            await Expect(page.GetByTestId("move-gate")).ToBeVisibleAsync();
            await SettledAsync(page);
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    private static async Task<IPage> OpenPanelAsync(StaffSite site, string ideaId, string culture, int width = 1280)
    {
        var page = await site.FacilitatorPageAsync(culture, width);
        await page.GotoAsync($"/facilitate/ideas/{ideaId}");
        // The island answers by itself only once the circuit is up.
        await Expect(page.GetByTestId("kpi-island")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    // MudBlazor fades dialogs in; axe measures contrast only once they are fully drawn.
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
}
