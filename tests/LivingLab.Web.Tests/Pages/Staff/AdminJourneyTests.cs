using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>An admin finds a person on /admin and grants a role, and adds a partner company with a previewed description.</summary>
public sealed class AdminJourneyTests
{
    [Fact]
    public async Task An_admin_finds_a_new_colleague_by_name_and_grants_the_facilitator_role()
    {
        await using var site = await StaffSite.StartAsync();
        var (colleague, colleagueId) = await site.NewPerson("new-staff@town.example.jp", "新人 職員");
        var page = await site.AdminPageAsync();
        await page.GotoAsync("/admin");

        await page.GetByLabel("名前").FillAsync("新人");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Expect(page.GetByTestId("person-row")).ToHaveCountAsync(1);
        var row = page.Locator($"#person-{colleagueId}");
        await row.GetByText("役割を変更").ClickAsync();

        // The partner role needs a partner company: refused next to the form, nothing changes.
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
        Assert.Contains("facilitator", (await site.Json("/api/account/me", colleague)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var queue = await colleague.GetAsync("/facilitate");
        Assert.Equal(System.Net.HttpStatusCode.OK, queue.StatusCode);

        // The role filter finds them among the facilitators now.
        await page.GotoAsync("/admin?role=facilitator");
        await Expect(page.GetByTestId("person-row")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync(culture: "en");
        await page.GotoAsync("/admin?role=admin");

        var row = page.GetByTestId("person-row");
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByText("Change roles").ClickAsync();
        await row.GetByLabel("Admin").UncheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();

        await Expect(page.GetByTestId("person-row").Locator(".form-error")).ToHaveTextAsync("You cannot remove your own admin role.");
    }

    [Fact]
    public async Task An_admin_previews_a_partner_description_then_adds_the_company_once()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.AdminPageAsync();
        await page.GotoAsync("/admin/partners");

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
}
