using Bunit;
using LivingLab.ReadModel;
using LivingLab.Web.Features.Facilitate.Board;
using LivingLab.Web.Features.Facilitate.Panel;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.IdeaPanel;

/// <summary>
/// The stage decision inside the idea panel's island, rendered by bUnit over the real site: a move goes through the
/// stage board's dialog and the grain's gate, closing and reopening ask for a reason, a refusal stays in the dialog in
/// the page's language, and after a decision the island shows the stage and the timeline entry the grain now holds.
/// </summary>
public sealed class DecisionIslandTests
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Advancing_through_the_dialog_moves_the_idea_and_the_island_shows_the_new_stage_and_timeline_entry()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        Assert.Contains("発見", island.WaitForElement("[data-testid=decision-stage]", Wait).TextContent, StringComparison.Ordinal);
        island.Find("[data-testid=decide-forward]").Click();
        island.WaitForElement("#move-rationale", Wait).Input("島民アンケートで、買い物に不便を感じる人が7割と分かったため。");
        island.Find("#move-evidence").Input("https://town.example.jp/survey/2026.pdf");
        island.Find("[data-testid=move-confirm]").Click();

        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=move-dialog]"));
            Assert.Contains("調査", island.Find("[data-testid=decision-stage]").TextContent, StringComparison.Ordinal);
            Assert.Equal("アイデアを次の段階に進めました。", island.Find("[data-testid=decision-status]").TextContent.Trim());
            var timeline = island.Find("[data-testid=decision-timeline]");
            Assert.Contains("島民アンケートで、買い物に不便を感じる人が7割と分かったため。", timeline.TextContent, StringComparison.Ordinal);
            Assert.Contains("https://town.example.jp/survey/2026.pdf", timeline.TextContent, StringComparison.Ordinal);
            // Research has a way back now, and the pilot gate's checklist is the one shown.
            Assert.NotEmpty(island.FindAll("[data-testid=decide-back]"));
            Assert.NotEmpty(island.FindAll("[data-testid=decision-island] .gate-unmet"));
        }, Wait);
        Assert.Equal("research", (await site.Json($"/api/ideas/{idea}")).GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("ja", "次の段階に進む条件がまだそろっていません。", "KPI（成果指標）を1つ以上登録する必要があります。")]
    [InlineData("en", "The conditions for the next stage are not met yet.", "KPI")]
    public async Task A_refused_gate_stays_in_the_dialog_with_every_missing_condition_in_the_pages_language(string culture, string lead, string cause)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(idea, "research");
        CircuitContext.UseCulture(culture);
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("[data-testid=decide-forward]", Wait).Click();
        island.WaitForElement("#move-rationale", Wait).Input("実証の準備ができたと判断しました。");
        island.Find("[data-testid=move-confirm]").Click();

        island.WaitForAssertion(() =>
        {
            var error = island.Find("#move-error");
            Assert.Contains(lead, error.TextContent, StringComparison.Ordinal);
            Assert.Equal(2, error.QuerySelectorAll("li").Length);
            Assert.Contains(cause, error.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(island.FindAll("[data-testid=move-dialog]"));
        }, Wait);
        Assert.Equal("research", (await site.Json($"/api/ideas/{idea}")).GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("ja", "「理由」を入力してください。", "アイデアを保留にしました。", "保留")]
    [InlineData("en", "Reason is required.", "The idea was put on hold.", "On hold")]
    public async Task Holding_asks_for_a_reason_in_the_dialog_and_reopening_asks_for_a_rationale(string culture, string reasonMissing, string done, string pill)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("AI議事録の試行");
        CircuitContext.UseCulture(culture);
        await using var context = await PanelContextAsync(site);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForElement("[data-testid=decide-hold]", Wait).Click();
        island.WaitForElement("[data-testid=decision-confirm]", Wait).Click();
        island.WaitForAssertion(() =>
        {
            Assert.Contains(reasonMissing, island.Find("#decision-error").TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(island.FindAll("[data-testid=decision-dialog]"));
        }, Wait);
        Assert.Equal("open", (await site.Json($"/api/ideas/{idea}")).GetProperty("status").GetString());

        island.Find("#decision-reason").Change("来年度の予算が決まるまで保留します。");
        island.Find("[data-testid=decision-confirm]").Click();
        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=decision-dialog]"));
            Assert.Equal(done, island.Find("[data-testid=decision-status]").TextContent.Trim());
            Assert.Equal(pill, island.Find("[data-testid=decision-status-pill]").TextContent.Trim());
            Assert.Contains("来年度の予算が決まるまで保留します。", island.Find("[data-testid=decision-timeline]").TextContent, StringComparison.Ordinal);
            Assert.Empty(island.FindAll("[data-testid=decide-forward]"));
        }, Wait);
        Assert.Equal("onHold", (await site.Json($"/api/ideas/{idea}")).GetProperty("status").GetString());

        island.Find("[data-testid=decide-reopen]").Click();
        island.WaitForElement("#decision-reason", Wait).Change("予算が付いたので再開します。");
        island.Find("[data-testid=decision-confirm]").Click();
        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll("[data-testid=decision-status-pill]"));
            Assert.NotEmpty(island.FindAll("[data-testid=decide-forward]"));
        }, Wait);
        Assert.Equal("open", (await site.Json($"/api/ideas/{idea}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Before_the_circuit_starts_the_decision_and_the_operator_are_the_plain_forms()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        CircuitContext.UseCulture("ja");
        await using var context = await PanelContextAsync(site, interactive: false);
        var island = context.Render<KpiApplicationsIsland>(p => p.Add(i => i.IdeaId, idea));

        island.WaitForAssertion(() => Assert.NotNull(island.Find($"#advance-{idea} form input[name='Advance.Choice'][value='move:research']")), Wait);
        Assert.NotNull(island.Find($"#operator-{idea} form input[name='OperatorChoice.IdeaId']"));
        Assert.Empty(island.FindAll("[data-testid=decide-forward]"));
        Assert.Empty(island.FindAll("[data-testid=operator-save]"));
    }

    // The panel as the signed-in facilitator's circuit sees it (or its prerender), over the real site.
    private static async Task<BunitContext> PanelContextAsync(StaffSite site, bool interactive = true)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "市役所 三郎", site.FacilitatorId, ["facilitator"], interactive,
            typeof(IdeaPanelDesk), typeof(StageBoardDesk), typeof(PanelChanges));
    }
}
