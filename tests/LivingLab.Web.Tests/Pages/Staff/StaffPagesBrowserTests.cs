using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>The staff pages in a real browser, in Japanese and English: one h1, no serious axe violation, screenshots to look at.</summary>
public sealed class StaffPagesBrowserTests
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_facilitators_queue_and_an_ideas_staff_panel_pass_axe_with_every_dialog_open(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);

        var page = await site.FacilitatorPageAsync(culture);
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync("/facilitate", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(culture == "ja" ? "ファシリテーターの作業一覧" : "Facilitator's queue", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("3", await page.GetByTestId("triage-count").InnerTextAsync());
        Assert.Equal("4", await page.GetByTestId("gates-count").InnerTextAsync());
        Assert.Equal("1", await page.GetByTestId("applications-count").InnerTextAsync());
        await StaffSite.ScreenshotAsync(page, $"staff-facilitate-{culture}");
        await StaffSite.AssertAccessibleAsync(page);
        await OpenEveryDialogAsync(page);
        await StaffSite.AssertAccessibleAsync(page);

        await page.GotoAsync($"/facilitate/ideas/{town.Pilot}", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal("スマホ教室と相談窓口", await page.Locator("h1").InnerTextAsync());
        await StaffSite.ScreenshotAsync(page, $"staff-idea-panel-{culture}");
        await OpenEveryDialogAsync(page);
        await StaffSite.AssertAccessibleAsync(page);

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_queue_reads_at_360_pixels_wide_without_sideways_scrolling(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        await TownData.SeedAsync(site);

        var page = await site.FacilitatorPageAsync(culture, width: 360);
        await page.GotoAsync("/facilitate", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the queue scrolls sideways at 360 px");
        await StaffSite.ScreenshotAsync(page, $"staff-facilitate-360-{culture}");
        await StaffSite.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_admin_pages_pass_axe_and_read_at_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        await TownData.SeedAsync(site);

        var page = await site.AdminPageAsync(culture);
        var failures = Browser.BrowserSession.RecordFailures(page);
        foreach (var (path, name) in new[] { ("/admin", "admin"), ("/admin/partners", "admin-partners"), ("/admin/categories", "admin-categories") })
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal("page", await page.Locator($".admin-nav a[href='{path.TrimStart('/')}']").GetAttributeAsync("aria-current"));
            await StaffSite.ScreenshotAsync(page, $"staff-{name}-{culture}");
            await OpenEveryDialogAsync(page);
            await StaffSite.AssertAccessibleAsync(page);
        }

        // People shown, but never an email address: only the person grain holds it.
        var people = await page.GotoAsync("/admin");
        var html = await people!.TextAsync();
        Assert.Contains("市役所 三郎", html, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffSite.FacilitatorEmail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("@", await page.Locator("[data-testid=people-table]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(LivingLab.Categories.All.Count, await CategoryRowsAsync(page));

        var narrow = await site.AdminPageAsync(culture, width: 360);
        await narrow.GotoAsync("/admin", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await narrow.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "/admin scrolls sideways at 360 px");
        await StaffSite.ScreenshotAsync(narrow, $"staff-admin-360-{culture}");
        await StaffSite.AssertAccessibleAsync(narrow);
        Assert.Empty(failures);
    }

    private static async Task<int> CategoryRowsAsync(IPage page)
    {
        await page.GotoAsync("/admin/categories");
        return await page.Locator("[data-testid=category-table] tbody tr").CountAsync();
    }

    // Closed <details> hide their forms from axe; opening them all checks every label, every hint and every checklist.
    private static Task OpenEveryDialogAsync(IPage page) => page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
}
