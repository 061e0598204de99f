using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>/challenges: search, filters, sort and paging, every state in the URL.</summary>
public sealed class ChallengeListPageTests
{
    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".challenge-card-title a").Select(a => a.TextContent)];

    [Fact]
    public async Task Search_and_filters_combine_and_the_form_shows_what_was_asked()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        await ChallengePagesHost.Challenge(author, "駅前の駐輪場が足りない", category: "transport");
        await ChallengePagesHost.Challenge(author, "公園の駐輪場が暗い", category: "parks");
        await ChallengePagesHost.Challenge(author, "バスの本数が少ない", category: "transport");
        await host.Factory.Services.GetRequiredService<LivingLab.ReadModel.ProjectionRunner>().CatchUpAsync();

        var (response, page) = await PageForms.Get(host.Anonymous(), "/challenges?q=駐輪場&category=transport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["駅前の駐輪場が足りない"], Titles(page));
        Assert.Equal("1件の課題", page.QuerySelector("[data-testid=result-count]")!.TextContent);
        Assert.Equal("駐輪場", page.QuerySelector("#challenge-q")!.GetAttribute("value"));
        Assert.Equal("transport", page.QuerySelector("#challenge-category-filter option[selected]")!.GetAttribute("value"));
        Assert.Equal("get", page.QuerySelector("form[role=search]")!.GetAttribute("method"));
    }

    [Fact]
    public async Task Most_supported_sort_puts_the_challenge_with_more_supporters_first()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var popular = await ChallengePagesHost.Challenge(author, "人気の課題");
        await ChallengePagesHost.Challenge(author, "静かな課題");
        await ChallengePagesHost.Ok(author.PostAsync($"/api/challenges/{popular}/support", null));
        await host.Factory.Services.GetRequiredService<LivingLab.ReadModel.ProjectionRunner>().CatchUpAsync();

        var (_, newest) = await PageForms.Get(host.Anonymous(), "/challenges");
        var (_, supported) = await PageForms.Get(host.Anonymous(), "/challenges?sort=supported");

        Assert.Equal(["静かな課題", "人気の課題"], Titles(newest));
        Assert.Equal(["人気の課題", "静かな課題"], Titles(supported));
        Assert.Equal("supported", supported.QuerySelector("#challenge-sort option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Paging_links_keep_the_search_filters_and_sort()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        for (var i = 1; i <= 22; i++)
        {
            await ChallengePagesHost.Challenge(author, $"交通の課題 {i:00}", category: "transport");
        }

        await ChallengePagesHost.Challenge(author, "公園の課題", category: "parks");
        await host.Factory.Services.GetRequiredService<LivingLab.ReadModel.ProjectionRunner>().CatchUpAsync();

        var (_, first) = await PageForms.Get(host.Anonymous(), "/challenges?q=交通&category=transport&sort=supported");

        Assert.Equal(20, Titles(first).Length);
        Assert.Equal("22件の課題", first.QuerySelector("[data-testid=result-count]")!.TextContent);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("challenges?q=%E4%BA%A4%E9%80%9A&category=transport&sort=supported&page=2", next);
        var (_, second) = await PageForms.Get(host.Anonymous(), "/" + next);
        Assert.Equal(2, Titles(second).Length);
        Assert.Equal("page", second.QuerySelector(".pager a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Equal("2", second.QuerySelector(".pager a[aria-current]")!.TextContent);
    }

    [Theory]
    [InlineData("ja", "検索語は1語あたり2文字以上で入力してください。")]
    [InlineData("en", "Each search word must be at least 2 characters long.")]
    public async Task A_query_under_two_characters_shows_the_api_message_next_to_the_search_box(string culture, string message)
    {
        await using var host = new ChallengePagesHost();

        var (response, page) = await PageForms.Get(host.Anonymous(), $"/challenges?q=駅&culture={culture}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector("#challenge-q-error")!.TextContent);
        Assert.Contains("challenge-q-error", page.QuerySelector("#challenge-q")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.QuerySelector("#challenge-q")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_empty_town_invites_the_first_post_and_an_empty_search_says_nothing_matched()
    {
        await using var host = new ChallengePagesHost();

        var (_, empty) = await PageForms.Get(host.Anonymous(), "/challenges");
        var (_, nothing) = await PageForms.Get(host.Anonymous(), "/challenges?q=存在しない言葉");

        Assert.Contains("まだ課題は投稿されていません。", empty.QuerySelector(".empty")!.TextContent);
        Assert.Equal("challenges/new", empty.QuerySelector(".empty a.mud-button-root")!.GetAttribute("href"));
        Assert.Contains("条件に合う課題は見つかりませんでした。", nothing.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task A_card_shows_stage_status_counts_date_place_and_the_proxy_marker()
    {
        await using var host = new ChallengePagesHost();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        using var proxied = await facilitator.PostAsJsonAsync("/api/challenges/proxy",
            new { title = "バス停にベンチがほしい", body = "待つ間に座りたい。", category = "transport", place = new { text = "市役所前バス停" }, channel = "phone" });
        Assert.Equal(HttpStatusCode.Created, proxied.StatusCode);
        await host.Factory.Services.GetRequiredService<LivingLab.ReadModel.ProjectionRunner>().CatchUpAsync();

        var (_, page) = await PageForms.Get(host.Anonymous(), "/challenges");

        var card = page.QuerySelector(".challenge-card")!;
        Assert.Contains("課題発見", card.QuerySelector(".stage-badge")!.TextContent);
        Assert.Contains("受付中", card.QuerySelector(".status-chip")!.TextContent);
        Assert.Equal("代理入力（電話）", card.QuerySelector("[data-testid=proxy-badge]")!.TextContent);
        Assert.Contains("市役所前バス停", card.TextContent);
        Assert.Contains("交通", card.TextContent);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", card.QuerySelector("time")!.TextContent);
        Assert.Equal(["0", "0"], card.QuerySelectorAll(".challenge-card-counts strong").Select(s => s.TextContent).ToArray());
    }
}
