using Bunit;
using LivingLab.ReadModel;
using LivingLab.Web.Features.Ideas.Propose;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Ideas;

/// <summary>
/// The propose-an-idea island, rendered by bUnit over the real site (grains, read model, Markdown renderer): it reads in
/// the page's language, refuses beside each field by the grain's rules (and lets go of a message once the field is
/// right), previews the summary as typed without running HTML, proposes once per form key and lands on the new idea.
/// </summary>
public sealed class ProposeIdeaIslandTests
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "タイトル（必須）", "提案する", "入力に合わせてプレビューが更新されます。")]
    [InlineData("en", "Title (required)", "Propose", "The preview follows your typing.")]
    public async Task The_island_reads_in_the_pages_language_under_the_plain_forms_names(string culture, string titleLabel, string submit, string liveHint)
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture(culture);
        await using var context = await ResidentContextAsync(site);
        var island = context.Render<ProposeIdeaIsland>();

        var form = island.WaitForElement("[data-testid=propose-island]", Wait);
        Assert.Contains(titleLabel, form.QuerySelector($"label[for={ProposeIds.Title}]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(submit, island.Find("[data-testid=propose-submit]").TextContent.Trim());
        Assert.Contains(liveHint, island.Find($"#{ProposeIds.SummaryHint}").TextContent, StringComparison.Ordinal);
        // drafts.js keeps the text under the plain form's handler and names, so a draft typed before the circuit carries over.
        Assert.Equal(ProposeIdeaForm.FormName, island.Find("form[data-draft] input[name=_handler]").GetAttribute("value"));
        Assert.Equal("Input.Title", island.Find($"#{ProposeIds.Title}").GetAttribute("name"));
        Assert.Equal("Input.Summary", island.Find($"#{ProposeIds.Summary}").GetAttribute("name"));
    }

    [Theory]
    [InlineData("ja", "「タイトル」を入力してください。", "「カテゴリー」を入力してください。")]
    [InlineData("en", "Title is required.", "Category is required.")]
    public async Task A_refusal_stands_beside_its_field_in_the_pages_language_and_goes_once_the_field_is_right(string culture, string titleMissing, string categoryMissing)
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture(culture);
        await using var context = await ResidentContextAsync(site);
        var island = context.Render<ProposeIdeaIsland>();

        island.WaitForElement($"#{ProposeIds.Summary}", Wait).Input("雨の日も自転車で通えるように。");
        island.Find("form[data-draft]").Submit();

        island.WaitForAssertion(() =>
        {
            Assert.Contains(titleMissing, island.Find($"#{ProposeIds.ErrorId("title")}").TextContent, StringComparison.Ordinal);
            Assert.Contains(categoryMissing, island.Find($"#{ProposeIds.ErrorId("category")}").TextContent, StringComparison.Ordinal);
            Assert.Equal("true", island.Find($"#{ProposeIds.Category}").GetAttribute("aria-invalid"));
            Assert.Contains(ProposeIds.ErrorId("title"), island.Find($"#{ProposeIds.Title}").GetAttribute("aria-describedby"), StringComparison.Ordinal);
            Assert.Empty(island.FindAll($"#{ProposeIds.ErrorId("summary")}"));
        }, Wait);
        // Nothing typed is lost, and the title's message goes as soon as there is a title.
        Assert.Equal("雨の日も自転車で通えるように。", island.Find($"#{ProposeIds.Summary}").GetAttribute("value") ?? island.Find($"#{ProposeIds.Summary}").TextContent);
        island.Find($"#{ProposeIds.Title}").Input("港に屋根つきの駐輪場を");
        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll($"#{ProposeIds.ErrorId("title")}"));
            Assert.NotEmpty(island.FindAll($"#{ProposeIds.ErrorId("category")}"));
        }, Wait);
        Assert.Equal(0, (await site.Json("/api/ideas")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_summary_preview_shows_Markdown_as_typed_and_raw_HTML_as_text()
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture("ja");
        await using var context = await ResidentContextAsync(site);
        var island = context.Render<ProposeIdeaIsland>();

        island.WaitForElement($"#{ProposeIds.Title}", Wait).Input("港に屋根つきの駐輪場を");
        island.Find($"#{ProposeIds.Summary}").Input("**雨の日**も通えるように。\n\n<script>alert(1)</script><img src=x onerror=alert(2)>");

        island.WaitForAssertion(() =>
        {
            var preview = island.Find("[data-testid=propose-preview]");
            Assert.Equal("雨の日", preview.QuerySelector("strong")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.Null(preview.QuerySelector("img"));
            Assert.Empty(preview.QuerySelectorAll("[onerror]"));
            Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
            Assert.Equal("港に屋根つきの駐輪場を", island.Find("[data-testid=propose-preview-title]").TextContent);
        }, Wait);
    }

    [Fact]
    public async Task Proposing_lands_on_the_new_idea_in_discovery_and_the_same_form_key_proposes_once()
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture("ja");
        await using var context = await ResidentContextAsync(site);
        var island = context.Render<ProposeIdeaIsland>();

        island.WaitForElement($"#{ProposeIds.Title}", Wait).Input("港に屋根つきの駐輪場を");
        island.Find($"#{ProposeIds.Category}").Change("transport");
        island.Find($"#{ProposeIds.Summary}").Input("**雨の日**も自転車で通えるように。");
        island.Find("form[data-draft]").Submit();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        island.WaitForAssertion(() => Assert.Contains("done=proposed", navigation.Uri, StringComparison.Ordinal), Wait);
        var id = new Uri(navigation.Uri).AbsolutePath.Split('/')[^1];
        var idea = await site.Json($"/api/ideas/{id}");
        Assert.Equal(("港に屋根つきの駐輪場を", "discovery", "transport"),
            (idea.GetProperty("title").GetString(), idea.GetProperty("stage").GetString(), idea.GetProperty("category").GetString()));

        // The same form sent again (a double click, a resent post) reaches the idea the first one made.
        var again = await context.Services.GetRequiredService<IdeaProposing>().ProposeAsync(new ProposeIdeaInput
        {
            Title = "港に屋根つきの駐輪場を", Summary = "もう一度", Category = "transport", Key = island.Instance.Key,
        });
        Assert.Equal(id, again.IdeaId);
        Assert.Equal(1, (await site.Json("/api/ideas")).GetProperty("total").GetInt32());
    }

    // The resident's circuit over the real site.
    private static async Task<BunitContext> ResidentContextAsync(StaffSite site)
    {
        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(site.Factory.Services, "酒田 花子", site.ResidentId, [], true, typeof(IdeaProposing));
    }
}
