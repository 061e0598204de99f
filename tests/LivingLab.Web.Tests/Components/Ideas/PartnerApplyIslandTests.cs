using System.Security.Claims;
using Bunit;
using LivingLab.ReadModel;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Features.Ideas.Apply;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Ideas;

/// <summary>
/// The partner-application island, rendered by bUnit over the real site: a partner member applies in place and sees the
/// pending application where the form was, the grain's refusal stands beside the field in the page's language, the
/// proposal's preview never runs HTML, and before the circuit it is the page's own plain form.
/// </summary>
public sealed class PartnerApplyIslandTests
{
    // An upper bound for the real grain calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "応募を受け付けました。職員が確認しています。", "参加の申し込みを受け付けました。")]
    [InlineData("en", "Application received. Staff are reviewing it.", "Your application is in.")]
    public async Task Applying_in_place_stores_a_pending_application_and_shows_its_state_where_the_form_was(string culture, string pending, string done)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await ResearchIdeaAsync(site);
        CircuitContext.UseCulture(culture);
        await using var context = await PartnerContextAsync(site);
        var island = context.Render<PartnerApplyIsland>(p => p.Add(i => i.IdeaId, idea).Add(i => i.Applications, []).Add(i => i.CanApply, true));

        island.WaitForElement("#apply-proposal", Wait).Input("電動モビリティで島内配送を**3か月**実証します。<script>alert(1)</script>");
        island.WaitForAssertion(() =>
        {
            var preview = island.Find("[data-testid=proposal-preview]");
            Assert.Equal("3か月", preview.QuerySelector("strong")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
        }, Wait);
        island.Find("form[data-draft]").Submit();

        island.WaitForAssertion(() =>
        {
            var application = island.Find("[data-testid=own-application]");
            Assert.Equal("pending", application.GetAttribute("data-status"));
            Assert.Contains(pending, application.TextContent, StringComparison.Ordinal);
            Assert.StartsWith(done, island.Find("[data-testid=apply-status]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.Empty(island.FindAll("#apply-proposal"));
        }, Wait);
        var stored = (await site.Json($"/api/ideas/{idea}")).GetProperty("applications");
        Assert.Equal(1, stored.GetArrayLength());
        Assert.Equal(("pending", site.PartnerId), (stored[0].GetProperty("status").GetString(), stored[0].GetProperty("partner").GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("ja", "「提案内容」を入力してください。", "このパートナー企業は、すでに参加を申し込んでいます。")]
    [InlineData("en", "Proposal is required.", "This partner company has already applied.")]
    public async Task The_grains_refusal_stands_beside_the_field_in_the_pages_language(string culture, string missing, string twice)
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await ResearchIdeaAsync(site);
        CircuitContext.UseCulture(culture);
        await using var context = await PartnerContextAsync(site);
        var island = context.Render<PartnerApplyIsland>(p => p.Add(i => i.IdeaId, idea).Add(i => i.Applications, []).Add(i => i.CanApply, true));

        island.WaitForElement("form[data-draft]", Wait).Submit();
        island.WaitForAssertion(() =>
        {
            Assert.Contains(missing, island.Find("#apply-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", island.Find("#apply-proposal").GetAttribute("aria-invalid"));
            Assert.Contains("apply-error", island.Find("#apply-proposal").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        }, Wait);
        Assert.Equal(0, (await site.Json($"/api/ideas/{idea}")).GetProperty("applications").GetArrayLength());

        // Applied meanwhile in another tab: the grain says so beside the field, and the text typed here stays.
        await site.Apply(idea);
        island.Find("#apply-proposal").Input("二度目の応募");
        island.Find("form[data-draft]").Submit();
        island.WaitForAssertion(() =>
        {
            Assert.Contains(twice, island.Find("#apply-error").TextContent, StringComparison.Ordinal);
            Assert.Equal("二度目の応募", island.Find("#apply-proposal").GetAttribute("value"));
        }, Wait);
        Assert.Equal(1, (await site.Json($"/api/ideas/{idea}")).GetProperty("applications").GetArrayLength());
    }

    [Fact]
    public async Task Before_the_circuit_it_is_the_pages_plain_apply_form()
    {
        await using var site = await StaffSite.StartAsync();
        var idea = await ResearchIdeaAsync(site);
        CircuitContext.UseCulture("ja");
        await using var context = await PartnerContextAsync(site, interactive: false);
        var island = context.Render<PartnerApplyIsland>(p => p.Add(i => i.IdeaId, idea).Add(i => i.Applications, []).Add(i => i.CanApply, true));

        var form = island.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal($"ideas/{idea}", form.GetAttribute("action"));
        Assert.Equal("apply", form.QuerySelector("input[name=_handler]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("textarea[name='ApplyForm.Proposal']"));
        Assert.NotNull(form.QuerySelector("button[name='ApplyForm.Action'][value=submit]"));
        Assert.Equal("false", island.Find("[data-testid=apply-island]").GetAttribute("data-interactive"));
    }

    private static async Task<string> ResearchIdeaAsync(StaffSite site)
    {
        var idea = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(idea, "research");
        return idea;
    }

    // The partner member's circuit over the real site, with the organisation claim the grain checks.
    private static async Task<BunitContext> PartnerContextAsync(StaffSite site, bool interactive = true)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "飛島 次郎", site.PartnerMemberId, ["partner"],
            [new Claim(AccountPrincipal.PartnerClaim, site.PartnerId)], interactive, typeof(PartnerApplying));
    }
}
