using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>An admin finds a person on /admin and grants a role, and adds a partner company with a previewed description.</summary>
public sealed class AdminJourneyTests
{
    [Fact]
    public async Task An_admin_finds_a_new_colleague_by_name_and_grants_the_facilitator_role_in_a_dialog_by_keyboard()
    {
        await using var site = await StaffSite.StartAsync();
        var (colleague, colleagueId) = await site.NewPerson("new-staff@town.example.jp", "新人 職員");
        var page = await site.AdminPageAsync();
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync("/admin");

        await page.GetByLabel("名前").FillAsync("新人");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Expect(page.GetByTestId("person-row")).ToHaveCountAsync(1);
        await ExpectInteractiveAsync(page);
        var row = page.Locator($"#person-{colleagueId}");
        // The button's name says whose roles it changes; a screen reader hears it out of the row too.
        var change = row.GetByTestId("change-roles");
        await Expect(change).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^役割を変更 ?: ?新人 職員$"));
        await change.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The partner role needs a partner company: refused beside the fields, the dialog stays and nothing changes.
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "新人 職員さんの役割を変更" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("ファシリテーター（職員）")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "役割を保存" }).ClickAsync();
        await Expect(dialog.Locator("#roles-dialog-error")).ToHaveTextAsync("「パートナー企業」を入力してください。");
        await Expect(dialog.GetByLabel("パートナー企業の担当者")).ToBeCheckedAsync();
        Assert.DoesNotContain("partner", await RolesAsync(site, colleague));

        await dialog.GetByLabel("パートナー企業の担当者").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await dialog.GetByLabel("ファシリテーター（職員）").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "役割を保存" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The row changes in place, without a page load.
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("新人 職員さんの役割を保存しました。");
        await Expect(row.GetByTestId("person-roles")).ToContainTextAsync("ファシリテーター（職員）");
        Assert.Contains("facilitator", await RolesAsync(site, colleague));
        using var queue = await colleague.GetAsync("/facilitate");
        Assert.Equal(System.Net.HttpStatusCode.OK, queue.StatusCode);

        // The role filter finds them among the facilitators now.
        await page.GotoAsync("/admin?role=facilitator");
        await Expect(page.GetByTestId("person-row")).ToHaveCountAsync(2);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Without_javascript_an_admin_grants_a_role_through_the_plain_form_and_a_refusal_keeps_what_was_ticked()
    {
        await using var site = await StaffSite.StartAsync();
        var (colleague, colleagueId) = await site.NewPerson("new-staff@town.example.jp", "新人 職員");
        var page = await site.AdminPageAsync(javaScript: false);
        await page.GotoAsync("/admin?q=" + Uri.EscapeDataString("新人"));
        var row = page.Locator($"#person-{colleagueId}");
        await row.GetByText("役割を変更").ClickAsync();

        await row.GetByLabel("パートナー企業の担当者").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => row.GetByRole(AriaRole.Button, new() { Name = "役割を保存" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        row = page.Locator($"#person-{colleagueId}");
        await Expect(row.Locator(".form-error")).ToHaveTextAsync("「パートナー企業」を入力してください。");
        await Expect(row.GetByLabel("パートナー企業の担当者")).ToBeCheckedAsync();

        await row.GetByLabel("パートナー企業の担当者").UncheckAsync();
        await row.GetByLabel("ファシリテーター（職員）").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "役割を保存" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("役割を保存しました。");
        await Expect(page.Locator($"#person-{colleagueId}")).ToContainTextAsync("ファシリテーター（職員）");
        Assert.Contains("facilitator", await RolesAsync(site, colleague));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync(culture: "en");
        await page.GotoAsync("/admin?role=admin");

        var row = page.GetByTestId("person-row");
        await Expect(row).ToHaveCountAsync(1);
        await ExpectInteractiveAsync(page);
        await row.GetByTestId("change-roles").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Admin").UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();

        await Expect(dialog.Locator("#roles-dialog-error")).ToHaveTextAsync("You cannot remove your own admin role.");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("person-roles")).ToContainTextAsync("Admin");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_people_page_passes_axe_with_the_roles_dialog_open_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await site.AdminPageAsync(culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            await page.GotoAsync("/admin");
            await ExpectInteractiveAsync(page);
            await StaffSite.AssertAccessibleAsync(page);

            await page.Locator($"#person-{site.ResidentId}").GetByTestId("change-roles").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            // MudBlazor fades the dialog in; axe measures contrast once it is fully drawn.
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
            await StaffSite.ScreenshotAsync(page, $"admin-roles-dialog-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_JavaScript_an_admin_previews_a_partner_description_then_adds_the_company_once()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync(javaScript: false);
        await page.GotoAsync("/admin/partners");
        Assert.Equal(0, await page.GetByTestId("partner-grid").CountAsync());

        await page.Locator("#partner-name").FillAsync("鳥海クラウド合同会社");
        await page.Locator("#partner-description").FillAsync("**地域の**データ基盤をつくります。\n\n- 見える化\n- 相談会");
        await page.Locator("#partner-website").FillAsync("ftp://chokai.example.jp/");
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();
        await Expect(page.GetByTestId("preview").Locator("strong")).ToHaveTextAsync("地域の");
        await Expect(page.Locator("#partner-name")).ToHaveValueAsync("鳥海クラウド合同会社");

        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Expect(page.Locator("#partner-error")).ToContainTextAsync("http:// または https://");
        await Expect(page.Locator("#partner-website")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#partner-website").FillAsync("https://chokai.example.jp/");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("パートナー企業を登録しました。");
        await Expect(page.GetByTestId("partner-table")).ToContainTextAsync("鳥海クラウド合同会社");
        var partners = await site.Json("/api/partners?pageSize=100");
        Assert.Equal(1, partners.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("name").GetString() == "鳥海クラウド合同会社"));
    }

    [Fact]
    public async Task An_admin_adds_a_partner_in_a_dialog_with_a_live_preview_and_edits_its_row_in_place_by_keyboard()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync();
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync("/admin/partners");
        await Expect(page.GetByTestId("partner-grid")).ToHaveAttributeAsync("data-interactive", "true");
        var dialog = page.GetByRole(AriaRole.Dialog);

        await page.GetByTestId("partner-new").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#dialog-partner-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("鳥海クラウド合同会社");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("**地域の**データ基盤をつくります。<b>太字ではない</b>");
        var preview = dialog.GetByTestId("partner-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("地域の");
        await Expect(preview).ToContainTextAsync("<b>太字ではない</b>");
        Assert.Equal(0, await preview.Locator("b").CountAsync());
        await dialog.Locator("#dialog-partner-website").FillAsync("ftp://chokai.example.jp/");
        await dialog.GetByTestId("partner-save").ClickAsync();
        await Expect(dialog.Locator("#partner-dialog-error")).ToContainTextAsync("http:// または https://");
        await Expect(dialog.Locator("#dialog-partner-website")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.Locator("#dialog-partner-website").FillAsync("https://chokai.example.jp/");
        await StaffSite.ScreenshotAsync(page, "admin-partner-dialog-ja");
        await dialog.GetByTestId("partner-save").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("パートナー企業を登録しました。");
        await Expect(page.GetByTestId("partner-table")).ToContainTextAsync("鳥海クラウド合同会社");
        var partners = await site.Json("/api/partners?pageSize=100");
        Assert.Equal(1, partners.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("name").GetString() == "鳥海クラウド合同会社"));

        // Escape closes the edit dialog and nothing changes; saved, the row changes without a page load.
        await page.GetByTestId($"partner-edit-{site.PartnerId}").ClickAsync();
        await Expect(dialog.Locator("#dialog-partner-name")).ToHaveValueAsync("とびしまモビリティ株式会社");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await page.GetByTestId($"partner-edit-{site.PartnerId}").ClickAsync();
        await dialog.Locator("#dialog-partner-description").FillAsync("島の電動モビリティを運行します。");
        await dialog.GetByTestId("partner-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("partner-status")).ToContainTextAsync("「とびしまモビリティ株式会社」の変更を保存しました。");
        await Expect(page.GetByTestId("partner-table")).ToContainTextAsync("島の電動モビリティを運行します。");
        var stored = await site.Json($"/api/partners/{site.PartnerId}");
        Assert.Equal("島の電動モビリティを運行します。", stored.GetProperty("description").GetString());
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_partners_island_and_its_dialog_pass_axe_at_1280_and_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await site.AdminPageAsync(culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            await page.GotoAsync("/admin/partners");
            await Expect(page.GetByTestId("partner-grid")).ToHaveAttributeAsync("data-interactive", "true");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
            await StaffSite.ScreenshotAsync(page, $"admin-partners-island-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);

            await page.GetByTestId($"partner-edit-{site.PartnerId}").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).Locator("#dialog-partner-name")).ToHaveValueAsync("とびしまモビリティ株式会社");
            await page.GetByRole(AriaRole.Dialog).Locator("#dialog-partner-name").FillAsync("");
            await page.GetByRole(AriaRole.Dialog).GetByTestId("partner-save").ClickAsync();
            await Expect(page.Locator("#partner-dialog-error")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
            await StaffSite.ScreenshotAsync(page, $"admin-partner-dialog-{culture}-{width}");
            await StaffSite.AssertAccessibleAsync(page);
            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_categories_page_lists_every_fixed_category_in_both_languages()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync(culture: "en");
        await page.GotoAsync("/admin/categories");

        var rows = page.GetByTestId("category-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(LivingLab.Categories.All.Count);
        await Expect(rows.First).ToContainTextAsync("transport");
        await Expect(rows.First).ToContainTextAsync("交通");
        await Expect(rows.First).ToContainTextAsync("Transport");
        await Expect(page.Locator("main")).ToContainTextAsync("defined in the program itself");
    }

    // The table answers in place only once its circuit is up; before that its rows carry the plain forms.
    private static Task ExpectInteractiveAsync(IPage page) =>
        Expect(page.GetByTestId("people-grid")).ToHaveAttributeAsync("data-interactive", "true");

    private static async Task<List<string?>> RolesAsync(StaffSite site, HttpClient person) =>
        (await site.Json("/api/account/me", person)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
}
