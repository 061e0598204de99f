using System.Net;
using System.Text.Json;

namespace LivingLab.Web.Tests.Lists;

/// <summary>The list, timeline and statistics endpoints over a seeded store.</summary>
public abstract class ListApiTests(ListApiHost host)
{
    [Fact]
    public async Task The_challenge_list_is_a_page_of_camelCase_items_with_string_ids_wire_names_and_the_total()
    {
        var (status, page) = await host.GetJsonAsync("/api/challenges?pageSize=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((5, 1, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["c5", "c4"], items.Select(i => i.GetProperty("id").GetString()));
        var accepted = items[1];
        Assert.Equal(
            ["id", "title", "category", "status", "stage", "ideaId", "supportCount", "commentCount", "createdAt", "proxyChannel", "placeText"],
            accepted.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("accepted", "research", "i1"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("stage").GetString(),
            accepted.GetProperty("ideaId").GetString()));
    }

    [Fact]
    public async Task A_challenge_item_counts_supporters_and_visible_comments_only()
    {
        var (_, page) = await host.GetJsonAsync("/api/challenges?q=駐輪");

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal((5, 1), (item.GetProperty("supportCount").GetInt32(), item.GetProperty("commentCount").GetInt32()));
        Assert.Equal(("transport", "駅前", "discovery"), (item.GetProperty("category").GetString(), item.GetProperty("placeText").GetString(),
            item.GetProperty("stage").GetString()));
    }

    [Theory]
    [InlineData("/api/challenges?stage=research", "c4")]
    [InlineData("/api/challenges?stage=discovery&category=parks", "c2")]
    [InlineData("/api/challenges?status=declined", "c5")]
    [InlineData("/api/challenges?sort=supported&pageSize=2", "c1,c2")]
    [InlineData("/api/challenges?q=公園", "c4,c2")]
    [InlineData("/api/challenges?q=公園&status=accepted", "c4")]
    [InlineData("/api/challenges?q=benches", "c2")]
    [InlineData("/api/challenges?stage=&category=&status=&q=&sort=", "c5,c4,c3,c2,c1")]
    [InlineData("/api/ideas", "i3,i2,i1")]
    [InlineData("/api/ideas?sort=votes", "i2,i1,i3")]
    [InlineData("/api/ideas?stage=research", "i1")]
    [InlineData("/api/ideas?status=declined", "i3")]
    [InlineData("/api/ideas?q=ocr", "i2")]
    [InlineData("/api/ideas?q=ベンチ&category=parks", "i1")]
    public async Task Filters_search_and_order_reach_the_lists(string url, string expected)
    {
        var (status, page) = await host.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, string.Join(',', page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task An_idea_item_carries_its_stage_as_a_wire_name_and_its_votes()
    {
        var (_, page) = await host.GetJsonAsync("/api/ideas?stage=research");

        var idea = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("research", "open", 3, "town", true, 1), (idea.GetProperty("stage").GetString(), idea.GetProperty("status").GetString(),
            idea.GetProperty("voteCount").GetInt32(), idea.GetProperty("operator").GetString(), idea.GetProperty("welcomesPartners").GetBoolean(),
            idea.GetProperty("acceptedPartnerCount").GetInt32()));
    }

    [Theory]
    [InlineData("/api/challenges?stage=Pilot", "invalidValue", "stage", null, "「段階」")]
    [InlineData("/api/challenges?stage=closed", "invalidValue", "stage", "en", "Stage has a value")]
    [InlineData("/api/challenges?category=mayor", "invalidValue", "category", "en", "Category has a value")]
    [InlineData("/api/challenges?status=onHold", "invalidValue", "status", "ja", "「状態」")]
    [InlineData("/api/challenges?sort=votes", "invalidValue", "sort", "en", "Sort order has a value")]
    [InlineData("/api/ideas?status=merged", "invalidValue", "status", "en", "Status has a value")]
    [InlineData("/api/ideas?sort=supported", "invalidValue", "sort", "ja", "「並び順」")]
    [InlineData("/api/challenges?q=園", "queryTooShort", "q", "ja", "2文字以上")]
    [InlineData("/api/ideas?q=a", "queryTooShort", "q", "en", "at least 2 characters")]
    [InlineData("/api/challenges?pageSize=101", "outOfRange", "pageSize", "en", "Page size")]
    public async Task A_bad_filter_answers_400_naming_the_parameter_in_the_requests_language(
        string url, string code, string field, string? language, string detailPart)
    {
        var (status, problem) = await host.GetJsonAsync(url, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_challenges_timeline_shows_its_steps_and_its_ideas_moves_with_camelCase_types()
    {
        var (status, page) = await host.GetJsonAsync("/api/challenges/c4/timeline");

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["challengeSubmitted", "challengeAccepted", "ideaAdvanced"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["challenge", "challenge", "idea"], entries.Select(e => e.GetProperty("itemKind").GetString()));
        Assert.Equal("利用状況を調べる", entries[2].GetProperty("data").GetProperty("rationale").GetString());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Timelines_never_show_votes_supports_comments_declined_applications_or_emails()
    {
        var challenge = await RawAsync("/api/challenges/c1/timeline");
        var idea = await RawAsync("/api/ideas/i1/timeline");

        foreach (var hidden in new[] { "ideaVoted", "challengeSupported", "comment", ListApiHost.DeclinedApplicationReason, host.AuthorEmail, HiddenText })
        {
            Assert.DoesNotContain(hidden, challenge + idea, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("partnerApplicationDecided", idea, StringComparison.Ordinal);
        Assert.DoesNotContain("\"p2\"", idea, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/challenges/nope/timeline")]
    [InlineData("/api/ideas/nope/timeline")]
    [InlineData("/api/ideas/c1/timeline")]
    public async Task An_unknown_items_timeline_is_a_404_problem(string url)
    {
        var (status, problem) = await host.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("notFound", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pipeline_statistics_list_every_stage_in_order_with_counts_by_status()
    {
        var (status, stats) = await host.GetJsonAsync("/api/stats/pipeline");

        Assert.Equal(HttpStatusCode.OK, status);
        var stages = stats.GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal(["discovery", "research", "pilot", "servicePlanning", "rollout"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal((1, 1), (stages[0].GetProperty("open").GetInt32(), stages[0].GetProperty("declined").GetInt32()));
        Assert.Equal(1, stages[1].GetProperty("open").GetInt32());
        Assert.Equal((1, JsonValueKind.Number), (stages[0].GetProperty("medianBasedOn").GetInt32(), stages[0].GetProperty("medianDays").ValueKind));
        Assert.Equal(JsonValueKind.Null, stages[1].GetProperty("medianDays").ValueKind);
        Assert.Equal((0, 3), (stats.GetProperty("rolledOut").GetInt32(), stats.GetProperty("ideas").GetInt32()));
    }

    private const string HiddenText = ListApiHost.HiddenComment;

    private async Task<string> RawAsync(string url)
    {
        using var client = host.Factory.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

/// <summary>The list API over SQLite.</summary>
public sealed class SqliteListApiTests(SqliteListApiHost host) : ListApiTests(host), IClassFixture<SqliteListApiHost>;

/// <summary>The list API over PostgreSQL.</summary>
public sealed class PostgresListApiTests(PostgresListApiHost host) : ListApiTests(host), IClassFixture<PostgresListApiHost>;
