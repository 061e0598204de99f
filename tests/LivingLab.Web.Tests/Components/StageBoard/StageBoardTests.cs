using Bunit;
using LivingLab.ReadModel;
using LivingLab.ReadModel.IdeaList;
using LivingLab.Web.Features.Facilitate.Board;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.StageBoard;

/// <summary>
/// The stage board's keyboard and menu path, rendered by bUnit over the real site (grains, read model, stage gate): a
/// card's "Move to…" menu opens the move dialog, confirming moves the idea in its grain, and a refused gate lists what
/// is missing in the page's language while the card stays where it was.
/// </summary>
public sealed class StageBoardTests
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Choosing_the_next_stage_from_a_cards_menu_and_confirming_moves_the_idea_in_its_grain()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("商店街の空き店舗でスマホ相談会");
        CircuitContext.UseCulture("ja");
        await using var context = await BoardContextAsync(site);
        var board = context.Render<Features.Facilitate.Board.StageBoard>();

        var card = board.WaitForElement($"[data-idea='{idea}']", Wait);
        Assert.NotNull(board.Find("[data-testid=board-column-discovery]").QuerySelector($"[data-idea='{idea}']"));
        card.QuerySelector("[data-testid=move-menu] button")!.Click();
        board.WaitForElement("[data-testid=move-to-research]", Wait).Click();

        board.WaitForElement("#move-rationale", Wait).Input("住民説明会で関心が高かったため、調査に進めます。");
        board.Find("#move-evidence").Input("https://town.example.jp/minutes/2");
        board.Find("[data-testid=move-confirm]").Click();

        board.WaitForAssertion(() =>
        {
            Assert.Empty(board.FindAll("[data-testid=move-dialog]"));
            Assert.NotNull(board.Find("[data-testid=board-column-research]").QuerySelector($"[data-idea='{idea}']"));
            Assert.Contains("「調査」に移しました", board.Find("[data-testid=board-status]").TextContent, StringComparison.Ordinal);
        }, Wait);
        var stored = await site.Json($"/api/ideas/{idea}");
        Assert.Equal("research", stored.GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("ja", "運営者", "KPI")]
    [InlineData("en", "operator", "KPI")]
    public async Task A_move_into_pilot_without_operator_or_KPI_is_refused_with_every_missing_condition_and_the_card_stays(string culture, string operatorWord, string kpiWord)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(idea, "research");
        CircuitContext.UseCulture(culture);
        await using var context = await BoardContextAsync(site);
        var board = context.Render<Features.Facilitate.Board.StageBoard>();

        board.WaitForElement($"[data-idea='{idea}'] [data-testid=move-menu] button", Wait).Click();
        board.WaitForElement("[data-testid=move-to-pilot]", Wait).Click();
        board.WaitForElement("#move-rationale", Wait).Input(culture == "ja" ? "実証に進めたい。" : "Ready for a pilot.");
        board.Find("[data-testid=move-confirm]").Click();

        board.WaitForAssertion(() =>
        {
            var refusal = board.Find("#move-error");
            var causes = refusal.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, causes.Count);
            Assert.Contains(causes, c => c.Contains(operatorWord, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(causes, c => c.Contains(kpiWord, StringComparison.Ordinal));
        }, Wait);
        Assert.NotNull(board.Find("[data-testid=board-column-research]").QuerySelector($"[data-idea='{idea}']"));
        var stored = await site.Json($"/api/ideas/{idea}");
        Assert.Equal("research", stored.GetProperty("stage").GetString());
    }

    // The board as the signed-in facilitator's circuit sees it, over the real site.
    private static async Task<BunitContext> BoardContextAsync(StaffSite site)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "市役所 三郎", site.FacilitatorId, ["facilitator"], facades: typeof(StageBoardDesk));
    }
}
