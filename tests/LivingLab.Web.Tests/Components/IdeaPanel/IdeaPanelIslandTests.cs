using Bunit;
using LivingLab.ReadModel;
using LivingLab.Web.Features.Facilitate.Panel;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.IdeaPanel;

/// <summary>
/// The idea panel's islands, rendered by bUnit over the real site (grains, read model, Markdown renderer): the reword
/// preview follows the typing and never runs HTML, a rewording, a KPI, a measurement and an application decision land
/// in the idea's grain, and a refusal is shown next to its field in the page's language.
/// </summary>
public sealed class IdeaPanelIslandTests
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_reword_preview_shows_Markdown_formatting_as_typed_and_escapes_HTML()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("買い物が不便");
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site);
        var island = context.Render<RewordIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("#reword-summary", Wait).Input("島の注文を**LINE**で受けます。\n\n<script>alert(1)</script><img src=x onerror=alert(2)>");
        island.Find("#reword-title").Input("とびしまの買い物をLINEで注文");

        island.WaitForAssertion(() =>
        {
            var preview = island.Find("[data-testid=reword-preview]");
            Assert.Equal("LINE", preview.QuerySelector("strong")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.Null(preview.QuerySelector("img"));
            Assert.Empty(preview.QuerySelectorAll("[onerror]"));
            Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
            Assert.Equal("とびしまの買い物をLINEで注文", island.Find("[data-testid=reword-preview-title]").TextContent);
        }, Wait);
        Assert.Equal("買い物が不便", (await site.Json($"/api/ideas/{idea}")).GetProperty("title").GetString());
        // drafts.js keeps the text under the plain form's names, so a draft typed before the circuit carries over.
        Assert.Equal("Reword.Summary", island.Find("#reword-summary").GetAttribute("name"));
        Assert.Equal("reword", island.Find("form[data-draft] input[name=_handler]").GetAttribute("value"));
    }

    [Fact]
    public async Task Saving_a_rewording_stores_it_in_the_grain_and_loads_the_panel_again_with_the_notice()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("買い物が不便");
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site);
        var island = context.Render<RewordIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("#reword-title", Wait).Input("とびしまの買い物をLINEで注文・配達");
        island.Find("#reword-summary").Input("島の商店への注文を**LINE**で受け、配達します。");
        island.Find("[data-testid=reword-save]").Click();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        island.WaitForAssertion(() => Assert.Contains("done=reworded", navigation.Uri, StringComparison.Ordinal), Wait);
        var stored = await site.Json($"/api/ideas/{idea}");
        Assert.Equal("とびしまの買い物をLINEで注文・配達", stored.GetProperty("title").GetString());
        Assert.Equal("島の商店への注文を**LINE**で受け、配達します。", stored.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("ja", "「タイトル」を入力してください。")]
    [InlineData("en", "Title is required.")]
    public async Task An_empty_title_is_refused_beside_the_field_in_the_pages_language(string culture, string message)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("買い物が不便");
        CircuitContext.UseCulture(culture);
        await using var context = await PanelContextAsync(site);
        var island = context.Render<RewordIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("#reword-title", Wait).Input("");
        island.Find("[data-testid=reword-save]").Click();

        island.WaitForAssertion(() =>
        {
            Assert.Contains(message, island.Find("#reword-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", island.Find("#reword-title").GetAttribute("aria-invalid"));
        }, Wait);
        Assert.Equal("買い物が不便", (await site.Json($"/api/ideas/{idea}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_KPI_added_and_measured_through_the_dialogs_lands_in_the_grain_and_the_table_and_chart_show_it()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("[data-testid=kpi-add]", Wait).Click();
        island.WaitForElement("#kpi-name", Wait).Change("注文件数");
        island.Find("#kpi-unit").Change("件/月");
        island.Find("#kpi-baseline").Change("0");
        island.Find("#kpi-target").Change("１２０");
        island.Find("[data-testid=kpi-confirm]").Click();

        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=kpi-dialog]"));
            Assert.Contains("注文件数", island.Find("[data-testid=kpi-table]").TextContent, StringComparison.Ordinal);
            Assert.StartsWith("KPIを追加しました。", island.Find("[data-testid=kpi-status]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.EndsWith("#decide", island.Find("[data-testid=gate-again]").GetAttribute("href"), StringComparison.Ordinal);
        }, Wait);
        var kpi = (await site.Json($"/api/ideas/{idea}")).GetProperty("kpis")[0];
        Assert.Equal(("注文件数", 120m), (kpi.GetProperty("name").GetString(), kpi.GetProperty("target").GetDecimal()));

        var kpiId = kpi.GetProperty("id").GetString()!;
        island.Find($"[data-testid=measure-open-{kpiId}]").Click();
        island.WaitForElement("#measure-value", Wait).Change("１２");
        island.Find("#measure-date").Change("2026-05-01");
        island.Find("#measure-note").Change("4月分");
        island.Find("[data-testid=measure-confirm]").Click();

        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=measure-dialog]"));
            Assert.StartsWith("測定値を記録しました。", island.Find("[data-testid=kpi-status]").TextContent.Trim(), StringComparison.Ordinal);
            var chart = island.Find("[data-testid=kpi-charts] [data-testid=kpi]");
            Assert.NotNull(chart.QuerySelector("svg circle.kpi-point"));
            Assert.Contains("2026年5月1日", chart.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("2026年5月1日", island.Find("[data-testid=kpi-table]").TextContent, StringComparison.Ordinal);
        }, Wait);
        var measured = (await site.Json($"/api/ideas/{idea}")).GetProperty("kpis")[0].GetProperty("measurements")[0];
        Assert.Equal((12m, "2026-05-01"), (measured.GetProperty("value").GetDecimal(), measured.GetProperty("date").GetString()));
    }

    [Theory]
    [InlineData("ja", "「名前」を入力してください。", "「測定値」の値が正しくありません。")]
    [InlineData("en", "Name is required.", "Value has a value that is not allowed.")]
    public async Task A_refused_KPI_or_measurement_stays_in_its_dialog_with_the_reason_in_the_pages_language(string culture, string nameMissing, string badValue)
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        CircuitContext.UseCulture(culture);
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, town.Pilot));

        island.WaitForElement("[data-testid=kpi-add]", Wait).Click();
        island.WaitForElement("#kpi-unit", Wait).Change("%");
        island.Find("[data-testid=kpi-confirm]").Click();
        island.WaitForAssertion(() =>
        {
            Assert.Contains(nameMissing, island.Find("#kpi-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", island.Find("#kpi-name").GetAttribute("aria-invalid"));
        }, Wait);
        island.Find("[data-testid=kpi-cancel]").Click();
        island.WaitForAssertion(() => Assert.Empty(island.FindAll("[data-testid=kpi-dialog]")), Wait);

        island.Find("[data-testid^=measure-open-]").Click();
        island.WaitForElement("#measure-value", Wait).Change("たくさん");
        island.Find("[data-testid=measure-confirm]").Click();
        island.WaitForAssertion(() =>
        {
            Assert.Contains(badValue, island.Find("#measure-error").TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(island.FindAll("[data-testid=measure-dialog]"));
        }, Wait);
        var pilot = await site.Json($"/api/ideas/{town.Pilot}");
        Assert.Equal(1, pilot.GetProperty("kpis").GetArrayLength());
        Assert.Equal(0, pilot.GetProperty("kpis")[0].GetProperty("measurements").GetArrayLength());
    }

    [Fact]
    public async Task Accepting_an_application_stores_it_in_the_grain_and_leads_on_to_the_operator()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(idea, "research");
        var application = await site.Apply(idea);
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        var card = island.WaitForElement($"#application-{application}", Wait);
        Assert.Equal("3か月", card.QuerySelector(".proposal strong")?.TextContent);
        card.QuerySelector("[data-testid=application-accept]")!.Click();

        island.WaitForAssertion(() =>
        {
            Assert.Contains("応募を承認しました。", island.Find("[data-testid=applications-status]").TextContent, StringComparison.Ordinal);
            Assert.EndsWith($"#operator-{idea}", island.Find("[data-testid=applications-status] a").GetAttribute("href"), StringComparison.Ordinal);
            Assert.Empty(island.Find($"#application-{application}").QuerySelectorAll("[data-testid=application-accept]"));
        }, Wait);
        var stored = await site.Json($"/api/ideas/{idea}");
        Assert.Contains(site.PartnerId, stored.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("accepted", ApplicationStatus(stored, application));
    }

    [Theory]
    [InlineData("ja", "「理由」を入力してください。", "応募を見送りました。")]
    [InlineData("en", "Reason is required.", "The application was declined.")]
    public async Task Declining_an_application_asks_for_a_reason_in_a_dialog_and_stores_it(string culture, string reasonMissing, string done)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(idea, "research");
        var application = await site.Apply(idea);
        CircuitContext.UseCulture(culture);
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement($"#application-{application} [data-testid=application-decline]", Wait).Click();
        island.WaitForElement("[data-testid=decline-confirm]", Wait).Click();
        island.WaitForAssertion(() => Assert.Contains(reasonMissing, island.Find("#decline-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("pending", ApplicationStatus(await site.Json($"/api/ideas/{idea}"), application));

        island.Find("#decline-reason").Change("今年度は町の直営で進めることになりました。");
        island.Find("[data-testid=decline-confirm]").Click();

        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=decline-dialog]"));
            Assert.Contains(done, island.Find("[data-testid=applications-status]").TextContent, StringComparison.Ordinal);
            Assert.Contains("今年度は町の直営で進めることになりました。", island.Find($"#application-{application}").TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.Equal("declined", ApplicationStatus(await site.Json($"/api/ideas/{idea}"), application));
    }

    [Fact]
    public async Task Before_the_circuit_starts_the_islands_are_the_plain_forms()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site, interactive: false);

        var reword = context.Render<RewordIsland>(p => p.Add(i => i.IdeaId, town.Shopping));
        var work = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, town.Shopping));

        reword.WaitForAssertion(() => Assert.Equal("post", reword.Find("form").GetAttribute("method")), Wait);
        Assert.Empty(reword.FindAll("[data-testid=reword-island]"));
        // The island reads the idea (and its latest decisions) before its first full render: wait for it, as for the reword.
        work.WaitForAssertion(() => Assert.NotNull(work.Find("form #kpi-name")), Wait);
        Assert.NotNull(work.Find($"#application-{town.ApplicationId} form textarea[name='Decision.Reason']"));
        Assert.Empty(work.FindAll("[data-testid=kpi-add]"));
    }

    private static string? ApplicationStatus(System.Text.Json.JsonElement idea, string applicationId) =>
        idea.GetProperty("applications").EnumerateArray().First(a => a.GetProperty("id").GetString() == applicationId).GetProperty("status").GetString();

    // The panel as the signed-in facilitator's circuit sees it (or its prerender), over the real site.
    private static async Task<BunitContext> PanelContextAsync(StaffSite site, bool interactive = true)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "市役所 三郎", site.FacilitatorId, ["facilitator"], interactive,
            typeof(IdeaPanelDesk), typeof(LivingLab.Web.Features.Facilitate.Board.StageBoardDesk), typeof(PanelChanges));
    }
}
