using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>What the idea-side pages render on the server, read as HTML: the content, the filters in the URL, and the hooks live updates plug into.</summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class IdeaPagesHtmlTests(IdeaPagesTown town)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Board_has_a_column_per_stage_and_keeps_closed_ideas_in_their_own_section_under_a_live_wrapper()
    {
        var (status, page) = await GetAsync("/ideas");

        Assert.Equal(HttpStatusCode.OK, status);
        var columns = page.QuerySelectorAll("[data-testid^=column-]");
        Assert.Equal(["column-discovery", "column-research", "column-pilot", "column-servicePlanning", "column-rollout"], columns.Select(c => c.GetAttribute("data-testid")));
        Assert.All(columns, c => Assert.NotNull(c.QuerySelector("h2")));
        Assert.Equal([town.PilotIdea], IdeaLinks(page.QuerySelector("[data-testid=column-pilot]")!));
        Assert.Equal([town.ResearchIdea], IdeaLinks(page.QuerySelector("[data-testid=column-research]")!));
        Assert.Equal([town.RolledOutIdea], IdeaLinks(page.QuerySelector("[data-testid=column-rollout]")!));
        Assert.Equal(new[] { town.DeclinedIdea, town.OnHoldIdea }.Order(), IdeaLinks(page.QuerySelector("[data-testid=closed-ideas]")!).Order());
        Assert.DoesNotContain(town.OnHoldIdea, IdeaLinks(page.QuerySelector("[data-testid=board]")!));
        Assert.Equal("2", page.QuerySelector("[data-testid=column-pilot] [data-testid=card-votes]")!.TextContent);
        Assert.Contains(IdeaPagesTown.PartnerName, page.QuerySelector("[data-testid=column-pilot]")!.TextContent);

        var live = page.QuerySelector("[data-live-src='/live/board']")!;
        Assert.Equal("board", live.QuerySelector("#board")!.GetAttribute("data-live-refresh"));
    }

    [Fact]
    public async Task List_view_filters_by_stage_status_and_words_from_the_url()
    {
        var (_, research) = await GetAsync("/ideas?view=list&stage=research");
        var (_, openResearch) = await GetAsync("/ideas?view=list&stage=research&status=open");
        var (_, searched) = await GetAsync("/ideas?view=list&q=" + Uri.EscapeDataString("循環バス"));
        var (_, byVotes) = await GetAsync("/ideas?view=list&sort=votes");
        var (_, nothing) = await GetAsync("/ideas?view=list&category=parks");

        Assert.Equal(new[] { town.OnHoldIdea, town.ResearchIdea }.Order(), IdeaLinks(research.QuerySelector(".idea-list")!).Order());
        Assert.Equal("research", research.QuerySelector("#filter-stage option[selected]")!.GetAttribute("value"));
        Assert.Equal([town.ResearchIdea], IdeaLinks(openResearch.QuerySelector(".idea-list")!));
        Assert.Equal([town.ResearchIdea], IdeaLinks(searched.QuerySelector(".idea-list")!));
        Assert.Equal("循環バス", searched.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#filter-q")!.Value);
        var votes = byVotes.QuerySelectorAll(".idea-list [data-testid=card-votes]").Select(v => int.Parse(v.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(votes.OrderByDescending(v => v), votes);
        Assert.Equal(6, votes.Count);
        Assert.NotNull(nothing.QuerySelector(".results .empty"));
    }

    [Fact]
    public async Task A_one_letter_search_is_refused_next_to_the_search_field()
    {
        var (status, page) = await GetAsync("/ideas?view=list&q=a");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = page.QuerySelector("#filter-q-error")!;
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Contains("filter-q-error", page.QuerySelector("#filter-q")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Idea_page_shows_stage_votes_operator_partners_kpis_history_and_the_live_hooks()
    {
        var (status, page) = await GetAsync($"/ideas/{town.PilotIdea}");

        Assert.Equal(HttpStatusCode.OK, status);
        var live = page.QuerySelector($"[data-live-src='/live/ideas/{town.PilotIdea}']")!;
        var stage = live.QuerySelector("[data-live-swap=stage] [data-testid=stage]")!;
        Assert.Contains("実証", stage.TextContent);
        var votes = live.QuerySelector("[data-testid=vote-count]")!;
        Assert.Equal("vote-count", votes.GetAttribute("data-live-swap"));
        Assert.Equal("2", votes.TextContent);
        Assert.Equal(IdeaPagesTown.PartnerName, live.QuerySelector("[data-testid=operator]")!.TextContent);
        Assert.Equal([IdeaPagesTown.PartnerName], live.QuerySelectorAll("[data-testid=partners] li").Select(li => li.TextContent.Trim()));
        Assert.NotNull(live.QuerySelector("a[data-testid=sign-in-to-vote]"));

        var charts = live.QuerySelectorAll("[data-testid=kpi] svg[role=img]");
        Assert.Equal(2, charts.Length);
        foreach (var chart in charts)
        {
            var labels = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", page.GetElementById(labels[0])!.LocalName);
            Assert.Equal("desc", page.GetElementById(labels[1])!.LocalName);
        }

        var table = live.QuerySelectorAll("[data-testid=kpi] table")[0];
        Assert.Contains("週あたりの配送件数", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(6, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("41", table.QuerySelectorAll("tbody tr").Last().QuerySelector("td")!.TextContent);
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));

        var history = live.QuerySelector("[data-testid=timeline]")!;
        Assert.Contains("pilotに進める判断をしました。", history.TextContent);
        Assert.Contains(IdeaPagesTown.PartnerName, history.TextContent);
        var evidence = history.QuerySelector(".evidence a")!;
        Assert.Equal("https://town.example.jp/minutes/1", evidence.GetAttribute("href"));
        Assert.Contains("nofollow", evidence.GetAttribute("rel"));
        Assert.Contains("市役所 三郎", history.TextContent);

        var comments = page.GetElementById("comments")!;
        Assert.Equal("section", comments.LocalName);
        Assert.NotNull(comments.QuerySelector("h2"));
    }

    [Fact]
    public async Task A_closed_idea_shows_its_status_and_public_reason_and_takes_no_vote_button()
    {
        var (_, page) = await GetAsync($"/ideas/{town.OnHoldIdea}?culture=en");

        Assert.Equal("On hold", page.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("病院のシステム更新を待ってから再開します。", page.QuerySelector("[data-testid=closed-reason]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=vote-button]"));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("NOT_AN_ID")]
    public async Task An_unknown_idea_answers_404_with_the_not_found_page(string id)
    {
        var (status, page) = await GetAsync($"/ideas/{id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pilots_lists_open_ideas_in_research_and_pilot_with_what_they_need_and_a_sign_in_hint()
    {
        var (_, page) = await GetAsync("/pilots");

        var listed = IdeaLinks(page.QuerySelector("[data-testid=pilots]")!).Distinct().ToList();
        Assert.Equal([town.PilotIdea, town.ResearchIdea], listed);
        var research = page.QuerySelector($"#pilot-{town.ResearchIdea}")!.Closest("article")!;
        Assert.Contains("成果指標（KPI）はこれから決めます", research.TextContent);
        Assert.Contains("運営する組織を探しています", research.TextContent);
        Assert.NotNull(page.QuerySelector("a[href^='login?returnUrl=']"));
    }

    [Fact]
    public async Task Partners_directory_shows_public_fields_safe_website_links_and_the_ideas_each_partner_runs()
    {
        var (_, page) = await GetAsync("/partners");

        var names = page.QuerySelectorAll("[data-testid=partners] h2").Select(h => h.TextContent).ToList();
        Assert.Contains(IdeaPagesTown.PartnerName, names);
        Assert.Contains(IdeaPagesTown.SecondPartnerName, names);
        Assert.All(page.QuerySelectorAll("[data-testid=partner-website]"), a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
        var first = page.QuerySelectorAll("[data-testid=partners] article").Single(a => a.QuerySelector("h2")!.TextContent == IdeaPagesTown.PartnerName);
        Assert.Equal([town.PilotIdea], IdeaLinks(first));
        Assert.Contains("運営", first.QuerySelector(".role-tag")!.TextContent);
        Assert.DoesNotContain(Partners.PartnerApi.SecretContact, page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Dashboard_counts_stages_lists_rollouts_and_compares_kpis_with_targets_in_charts_and_tables()
    {
        var (_, page) = await GetAsync("/dashboard?culture=en");

        var funnel = page.QuerySelector("[data-testid=funnel-table]")!;
        Assert.Equal(["1 0 1", "1 1 0", "1 0 0", "0 0 0", "1 0 0"], funnel.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))));
        Assert.Equal(["6", "4", "1", "2"], page.QuerySelectorAll("[data-testid=totals] .stat-number").Select(n => n.TextContent));
        Assert.Equal([town.RolledOutIdea], IdeaLinks(page.QuerySelector("[data-testid=rolled-out]")!));
        var medians = page.QuerySelector("[data-testid=median-table]")!.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()).ToList();
        Assert.Equal("10 days", medians[0]);
        foreach (var id in new[] { "funnel-chart", "median-chart" })
        {
            var chart = page.QuerySelector($"svg[data-testid={id}]")!;
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.NotEmpty(chart.QuerySelector("title")!.TextContent);
            Assert.Contains("Discovery", chart.QuerySelector("desc")!.TextContent);
        }

        var kpis = page.QuerySelector("[data-testid=kpi-results]")!.QuerySelectorAll("tbody tr");
        Assert.Equal(3, kpis.Length);
        var bookings = kpis.Single(r => r.TextContent.Contains("オンライン予約の割合", StringComparison.Ordinal));
        Assert.Contains("112%", bookings.TextContent);
        var live = page.QuerySelector("[data-live-src='/live/dashboard']")!;
        Assert.Equal("counts", live.QuerySelector("#dashboard-counts")!.GetAttribute("data-live-refresh"));
    }

    [Fact]
    public async Task Home_shows_stage_counts_newest_issues_an_honest_workshop_empty_state_and_the_post_action()
    {
        var (_, page) = await GetAsync("/");

        Assert.Equal("challenges/new", page.QuerySelector("[data-testid=post-challenge]")!.GetAttribute("href"));
        Assert.Equal("地域の課題を投稿する", page.QuerySelector("[data-testid=post-challenge]")!.TextContent);
        Assert.Equal(["進行中 1件", "進行中 1件", "進行中 1件", "進行中 0件", "進行中 1件"],
            page.QuerySelectorAll("[data-testid=pipeline-counts] .stage-count").Select(c => c.TextContent));
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=newest-challenges] li").Length);
        Assert.Equal("冬の歩道が凍って危ない", page.QuerySelector("[data-testid=newest-challenges] a")!.TextContent);
        Assert.Equal("ワークショップの予定はまだありません。", page.QuerySelector("[data-testid=no-workshops]")!.TextContent);
    }

    private async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = town.Address };
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    // The idea ids an element links to, in page order.
    private static List<string> IdeaLinks(IElement scope) =>
        scope.QuerySelectorAll("a[href^='ideas/']").Select(a => a.GetAttribute("href")!["ideas/".Length..].Split('#')[0]).Distinct().ToList();
}
