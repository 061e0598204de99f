using Bunit;
using LivingLab.Partners;
using LivingLab.Web.Features.Admin.Partners;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Partners;

/// <summary>
/// The admin's partner organisations island, rendered by bUnit over the real site: a partner created or edited in the
/// dialog lands in its grain and its row in place, the description's preview follows the typing without running HTML,
/// a refusal stays in the dialog beside its field in the page's language, and before the circuit it is the plain form.
/// </summary>
public sealed class PartnerGridTests
{
    // An upper bound for the real grain calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "http:// または https://")]
    [InlineData("en", "http://")]
    public async Task A_partner_created_in_the_dialog_appears_in_the_table_and_a_bad_website_is_refused_beside_it(string culture, string websiteRule)
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture(culture);
        await using var context = await AdminContextAsync(site);
        List<PartnerSummary> partners = [.. await ListAsync(site)];
        var grid = context.Render<PartnerGrid>(p => p.Add(g => g.Partners, partners));

        grid.WaitForElement("[data-testid=partner-new]", Wait).Click();
        grid.WaitForElement("#dialog-partner-name", Wait).Change("鳥海クラウド合同会社");
        grid.Find("#dialog-partner-description").Input("**地域の**データ基盤をつくります。<script>alert(1)</script>");
        grid.WaitForAssertion(() =>
        {
            var preview = grid.Find("[data-testid=partner-preview]");
            Assert.Equal("地域の", preview.QuerySelector("strong")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
        }, Wait);
        grid.Find("#dialog-partner-website").Change("ftp://chokai.example.jp/");
        grid.Find("[data-testid=partner-save]").Click();
        grid.WaitForAssertion(() =>
        {
            Assert.Contains(websiteRule, grid.Find("#partner-dialog-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", grid.Find("#dialog-partner-website").GetAttribute("aria-invalid"));
            Assert.NotEmpty(grid.FindAll("[data-testid=partner-dialog]"));
        }, Wait);
        Assert.DoesNotContain(await ListAsync(site), p => p.Name == "鳥海クラウド合同会社");

        grid.Find("#dialog-partner-website").Change("https://chokai.example.jp/");
        grid.Find("[data-testid=partner-save]").Click();
        grid.WaitForAssertion(() =>
        {
            Assert.Empty(grid.FindAll("[data-testid=partner-dialog]"));
            Assert.Contains("鳥海クラウド合同会社", grid.Find("[data-testid=partner-table]").TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(grid.FindAll("[data-testid=staff-notice]"));
        }, Wait);
        Assert.Single(await ListAsync(site), p => p.Name == "鳥海クラウド合同会社");
    }

    [Fact]
    public async Task Editing_a_partner_starts_from_its_stored_fields_and_changes_its_row_in_place()
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture("ja");
        await using var context = await AdminContextAsync(site);
        List<PartnerSummary> partners = [.. await ListAsync(site)];
        var grid = context.Render<PartnerGrid>(p => p.Add(g => g.Partners, partners));

        grid.WaitForElement($"[data-testid=partner-edit-{site.PartnerId}]", Wait).Click();
        grid.WaitForAssertion(() => Assert.Equal("とびしまモビリティ株式会社", grid.Find("#dialog-partner-name").GetAttribute("value")), Wait);
        grid.Find("#dialog-partner-name").Change("");
        grid.Find("[data-testid=partner-save]").Click();
        grid.WaitForAssertion(() =>
        {
            Assert.Contains("「名前」を入力してください。", grid.Find("#partner-dialog-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", grid.Find("#dialog-partner-name").GetAttribute("aria-invalid"));
        }, Wait);

        grid.Find("#dialog-partner-name").Change("とびしまモビリティ");
        grid.Find("#dialog-partner-description").Input("島の**電動モビリティ**を運行します。");
        grid.Find("[data-testid=partner-save]").Click();
        grid.WaitForAssertion(() =>
        {
            Assert.Empty(grid.FindAll("[data-testid=partner-dialog]"));
            Assert.Contains("「とびしまモビリティ」の変更を保存しました。", grid.Find("[data-testid=partner-status]").TextContent, StringComparison.Ordinal);
            Assert.Contains("島の**電動モビリティ**を運行します。", grid.Find("[data-testid=partner-description]").TextContent, StringComparison.Ordinal);
        }, Wait);
        var stored = (await ListAsync(site)).Single(p => p.Id == site.PartnerId);
        Assert.Equal(("とびしまモビリティ", "島の**電動モビリティ**を運行します。"), (stored.Name, stored.Description));
    }

    [Fact]
    public async Task Before_the_circuit_starts_it_is_the_plain_table_and_the_pages_own_form()
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture("ja");
        await using var context = await AdminContextAsync(site, interactive: false);
        List<PartnerSummary> partners = [.. await ListAsync(site)];
        var grid = context.Render<PartnerGrid>(p => p.Add(g => g.Partners, partners));

        Assert.Equal("create-partner", grid.Find("form input[name=_handler]").GetAttribute("value"));
        Assert.NotNull(grid.Find("form #partner-name"));
        Assert.Contains("とびしまモビリティ株式会社", grid.Find("[data-testid=partner-table]").TextContent, StringComparison.Ordinal);
        Assert.Empty(grid.FindAll("[data-testid=partner-new]"));
    }

    private static async Task<IReadOnlyList<PartnerSummary>> ListAsync(StaffSite site) =>
        await site.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List();

    // The partners page as the signed-in admin's circuit sees it (or its prerender), over the real site.
    private static async Task<BunitContext> AdminContextAsync(StaffSite site, bool interactive = true)
    {
        var me = await site.Json("/api/account/me", site.Admin);
        return CircuitContext.Create(site.Factory.Services, "管理者", me.GetProperty("id").GetString()!, ["admin"], interactive, typeof(PartnersDesk));
    }
}
