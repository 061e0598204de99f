using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.Web.Features.Facilitate.Triage;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Triage;

/// <summary>
/// The triage grid rendered by bUnit over the real site (grains, read model, search): accepting, merging through the
/// search-as-you-type picker and declining land in the challenge's grain and take the row out of the grid; a missing
/// reason and a challenge decided elsewhere are refused in the dialog, in the page's language, and the row stays.
/// </summary>
public sealed class TriageQueueTests
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Accepting_from_the_grid_makes_an_idea_takes_the_row_out_and_links_to_the_ideas_panel()
    {
        await using var site = await StaffSite.StartAsync();
        var challenge = await site.NewChallenge("駅前の駐輪場が足りない");
        CircuitContext.UseCulture("ja");
        await using var context = await TriageContextAsync(site);
        var queue = context.Render<TriageQueue>();

        Row(queue, challenge).QuerySelector("[data-testid=triage-accept]")!.Click();
        Assert.Equal("1", queue.Find("[data-testid=triage-heading-count]").TextContent);
        Assert.Contains("「駅前の駐輪場が足りない」を採用する", queue.WaitForElement(".mud-dialog", Wait).TextContent, StringComparison.Ordinal);
        queue.Find("[data-testid=triage-confirm]").Click();

        queue.WaitForAssertion(() =>
        {
            Assert.Empty(queue.FindAll("[data-testid=triage-dialog]"));
            Assert.Empty(queue.FindAll($"[data-challenge='{challenge}']"));
            Assert.Contains("課題をアイデアとして採用しました。", queue.Find("[data-testid=triage-notice]").TextContent, StringComparison.Ordinal);
            Assert.Equal("0", queue.Find("[data-testid=triage-heading-count]").TextContent);
        }, Wait);
        var stored = await site.Json($"/api/challenges/{challenge}");
        Assert.Equal("accepted", stored.GetProperty("status").GetString());
        var idea = stored.GetProperty("ideaId").GetString()!;
        Assert.Equal($"facilitate/ideas/{idea}", queue.Find("[data-testid=triage-notice-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_challenge_picked_as_its_words_are_typed()
    {
        await using var site = await StaffSite.StartAsync();
        var original = await site.NewChallenge("バス停に屋根がほしい", "市立病院前のバス停は雨の日につらい。");
        var duplicate = await site.NewChallenge("病院前のバス停の屋根", "雨にぬれながらバスを待っています。");
        await site.Support(duplicate, "supporter-1@town.example.jp");
        CircuitContext.UseCulture("ja");
        await using var context = await TriageContextAsync(site);
        var queue = context.Render<TriageQueue>();

        Row(queue, duplicate).QuerySelector("[data-testid=triage-merge]")!.Click();
        queue.WaitForElement("#triage-merge-target", Wait).Input("屋根");

        // The duplicate itself is never offered as its own target.
        queue.WaitForAssertion(() => Assert.Equal(["バス停に屋根がほしい（応援 0人）"],
            queue.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim())), Wait);
        queue.Find(".mud-popover-open .mud-list-item").Click();
        queue.Find("[data-testid=triage-confirm]").Click();

        queue.WaitForAssertion(() =>
        {
            Assert.Empty(queue.FindAll("[data-testid=triage-dialog]"));
            Assert.Empty(queue.FindAll($"[data-challenge='{duplicate}']"));
            Assert.Equal($"challenges/{original}", queue.Find("[data-testid=triage-notice-link]").GetAttribute("href"));
        }, Wait);
        var merged = await site.Json($"/api/challenges/{duplicate}");
        Assert.Equal(("merged", original), (merged.GetProperty("status").GetString(), merged.GetProperty("mergedIntoId").GetString()));
        Assert.Equal(1, (await site.Json($"/api/challenges/{original}")).GetProperty("supportCount").GetInt32());
    }

    [Theory]
    [InlineData("ja", "「理由」を入力してください。")]
    [InlineData("en", "Reason is required.")]
    public async Task Declining_without_a_reason_is_refused_beside_the_field_and_with_one_the_reason_is_published(string culture, string required)
    {
        await using var site = await StaffSite.StartAsync();
        var challenge = await site.NewChallenge("花火大会を毎月開いてほしい", "夏だけでなく毎月見たいです。", "tourism");
        CircuitContext.UseCulture(culture);
        await using var context = await TriageContextAsync(site);
        var queue = context.Render<TriageQueue>();

        Row(queue, challenge).QuerySelector("[data-testid=triage-decline]")!.Click();
        queue.WaitForElement("#triage-decline-reason", Wait);
        queue.Find("[data-testid=triage-confirm]").Click();

        queue.WaitForAssertion(() => Assert.Equal(required, queue.Find("#triage-dialog-error").TextContent.Trim()), Wait);
        Assert.Equal("true", queue.Find("#triage-decline-reason").GetAttribute("aria-invalid"));
        Assert.NotNull(Row(queue, challenge));
        Assert.Equal("open", (await site.Json($"/api/challenges/{challenge}")).GetProperty("status").GetString());

        queue.Find("#triage-decline-reason").Input("花火は年1回の予算で続けます。代わりに夏祭りの案をお待ちしています。");
        queue.Find("[data-testid=triage-confirm]").Click();

        queue.WaitForAssertion(() =>
        {
            Assert.Empty(queue.FindAll("[data-testid=triage-dialog]"));
            Assert.Empty(queue.FindAll($"[data-challenge='{challenge}']"));
        }, Wait);
        var declined = await site.Json($"/api/challenges/{challenge}");
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("花火は年1回の予算で続けます。代わりに夏祭りの案をお待ちしています。", declined.GetProperty("declineReason").GetString());
    }

    [Theory]
    [InlineData("ja", "この課題は受付を終えています（採用・統合・見送りのいずれか）。")]
    [InlineData("en", "This local issue is no longer open: it was accepted, merged or declined.")]
    public async Task Accepting_a_challenge_another_facilitator_decided_meanwhile_is_refused_in_the_dialog_in_the_pages_language(string culture, string refusal)
    {
        await using var site = await StaffSite.StartAsync();
        var challenge = await site.NewChallenge("駅前の駐輪場が足りない");
        CircuitContext.UseCulture(culture);
        await using var context = await TriageContextAsync(site);
        var queue = context.Render<TriageQueue>();
        Row(queue, challenge).QuerySelector("[data-testid=triage-accept]")!.Click();
        queue.WaitForElement("[data-testid=triage-confirm]", Wait);

        // Someone else accepts it while the dialog is open.
        using (var accepted = await site.Facilitator.PostAsync($"/api/challenges/{challenge}/accept", null))
        {
            Assert.True(accepted.IsSuccessStatusCode);
        }

        queue.Find("[data-testid=triage-confirm]").Click();

        queue.WaitForAssertion(() =>
        {
            Assert.Equal(refusal, queue.Find("#triage-dialog-error").TextContent.Trim());
            // The grid read the queue again: the challenge left it, while the dialog stays to say why.
            Assert.Empty(queue.FindAll($"[data-challenge='{challenge}']"));
        }, Wait);
        Assert.Single(queue.FindAll("[data-testid=triage-dialog]"));
    }

    [Fact]
    public async Task The_grid_filters_as_words_are_typed_and_marks_an_issue_entered_by_staff_for_a_resident()
    {
        await using var site = await StaffSite.StartAsync();
        var bikes = await site.NewChallenge("駅前の駐輪場が足りない");
        var library = await site.NewChallenge("図書館の自習席が足りない", "夕方は満席です。", "children");
        string snow;
        using (var proxy = await site.Facilitator.PostAsJsonAsync("/api/challenges/proxy",
            new { title = "図書館前の除雪をお願いしたい", body = "電話で受付", category = "safety", channel = "phone", onBehalfOf = "80代の住民" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, proxy.StatusCode);
            snow = (await Account.AccountApi.Json(proxy)).GetProperty("id").GetString()!;
        }

        CircuitContext.UseCulture("ja");
        await using var context = await TriageContextAsync(site);
        var queue = context.Render<TriageQueue>();
        Row(queue, library);

        queue.Find("#triage-filter").Input("図書館");

        queue.WaitForAssertion(() =>
        {
            Assert.Empty(queue.FindAll($"[data-challenge='{bikes}']"));
            Assert.Equal([library, snow], queue.FindAll("[data-testid=triage-row]").Select(r => r.GetAttribute("data-challenge")));
        }, Wait);
        Assert.Contains("本人の投稿", Row(queue, library).TextContent, StringComparison.Ordinal);
        Assert.Equal("代理入力（電話）", Row(queue, snow).QuerySelector("[data-testid=triage-proxy]")!.TextContent);
    }

    private static IElement Row(IRenderedComponent<TriageQueue> queue, string challengeId)
    {
        var link = queue.WaitForElement($"[data-challenge='{challengeId}']", Wait);
        return link.Closest("tr")!;
    }

    // The grid as the signed-in facilitator's circuit sees it, over the real site.
    private static async Task<BunitContext> TriageContextAsync(StaffSite site)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "市役所 三郎", site.FacilitatorId, ["facilitator"], facades: typeof(TriageDesk));
    }
}
