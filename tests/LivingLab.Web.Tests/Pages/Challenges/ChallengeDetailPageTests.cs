using System.Net;
using System.Net.Http.Json;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>A challenge's page: support, follow, status, the public timeline and the merged redirect, all without JavaScript.</summary>
public sealed class ChallengeDetailPageTests
{
    [Fact]
    public async Task Support_and_withdraw_are_form_posts_that_redirect_back_with_the_new_count_and_pressed_state()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var (supporter, _) = await host.Person("鈴木 結衣");
        var page = $"/challenges/{id}";

        using var supported = await PageForms.Submit(supporter, page, "support");

        Assert.Equal($"{page}#support", ChallengePagesHost.Redirected(supported));
        var (_, after) = await PageForms.Get(supporter, page);
        Assert.Equal("1", after.QuerySelector("[data-testid=support-count]")!.TextContent);
        // A signed-in reader's count follows live inside the interactive island; an anonymous reader's through the stream.
        Assert.NotNull(after.QuerySelector("[data-testid=support-island] [data-testid=support-count]"));
        var (_, anonymous) = await PageForms.Get(host.Anonymous(), page);
        Assert.Equal("support-count", anonymous.QuerySelector("[data-testid=support-count]")!.GetAttribute("data-live-swap"));
        Assert.Equal("true", after.QuerySelector(".support-button")!.GetAttribute("aria-pressed"));

        using var withdrawn = await PageForms.Submit(supporter, page, "support");

        Assert.Equal($"{page}#support", ChallengePagesHost.Redirected(withdrawn));
        var (_, again) = await PageForms.Get(supporter, page);
        Assert.Equal("0", again.QuerySelector("[data-testid=support-count]")!.TextContent);
        Assert.Equal("false", again.QuerySelector(".support-button")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_second_support_from_a_stale_page_shows_the_refusal_next_to_the_button_and_counts_once()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var (supporter, _) = await host.Person("鈴木 結衣");
        var page = $"/challenges/{id}";
        var (_, stale) = await PageForms.Get(supporter, page);

        using var first = await PageForms.Submit(supporter, stale, page, "support");
        using var second = await PageForms.Submit(supporter, stale, page, "support");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var document = PageForms.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("この課題はすでに応援しています。", document.QuerySelector("#support-error")!.TextContent);
        Assert.Equal("1", document.QuerySelector("[data-testid=support-count]")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitors_get_a_sign_in_link_that_returns_to_the_challenge()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);

        var (response, document) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(PageForms.HasForm(document, "support"));
        var link = document.QuerySelector("#support a.mud-button-root")!;
        Assert.Equal("ログインして応援する", link.TextContent);
        Assert.Equal($"login?returnUrl=%2Fchallenges%2F{id}%23support", link.GetAttribute("href"));
        Assert.Equal($"/live/challenges/{id}", document.QuerySelector("[data-live-src]")!.GetAttribute("data-live-src"));
    }

    [Fact]
    public async Task Follow_and_unfollow_toggle_with_form_posts()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var (reader, _) = await host.Person("鈴木 結衣");
        var page = $"/challenges/{id}";

        using var followed = await PageForms.Submit(reader, page, "follow");
        ChallengePagesHost.Redirected(followed);
        Assert.True((await Lab.GetJson(reader, $"/api/challenges/{id}")).GetProperty("followedByMe").GetBoolean());
        var (_, after) = await PageForms.Get(reader, page);
        Assert.Equal("フォローをやめる", after.QuerySelector("[data-testid=follow-button]")!.TextContent);

        using var unfollowed = await PageForms.Submit(reader, page, "follow");
        ChallengePagesHost.Redirected(unfollowed);
        Assert.False((await Lab.GetJson(reader, $"/api/challenges/{id}")).GetProperty("followedByMe").GetBoolean());
    }

    [Fact]
    public async Task A_merged_duplicate_redirects_to_its_target_which_says_it_was_merged()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var target = await ChallengePagesHost.Challenge(author, "駅前の駐輪場が満車");
        var duplicate = await ChallengePagesHost.Challenge(author, "駅の自転車置き場がいっぱい");
        await ChallengePagesHost.Ok(facilitator.PostAsJsonAsync($"/api/challenges/{duplicate}/merge", new { intoId = target }));
        var anonymous = host.Anonymous();

        using var response = await anonymous.GetAsync($"/challenges/{duplicate}");

        var location = ChallengePagesHost.Redirected(response);
        Assert.Equal($"/challenges/{target}?merged={duplicate}", location);
        var (_, page) = await PageForms.Get(anonymous, location);
        var notice = page.QuerySelector("[data-testid=merged-notice]")!.TextContent;
        Assert.Contains("統合されました", notice);
        Assert.Contains("駅の自転車置き場がいっぱい", notice);
    }

    [Fact]
    public async Task A_merged_notice_is_shown_only_for_a_challenge_really_merged_into_this_one()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var target = await ChallengePagesHost.Challenge(author);
        var other = await ChallengePagesHost.Challenge(author, "関係のない課題");

        var (_, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{target}?merged={other}");

        Assert.Null(page.QuerySelector("[data-testid=merged-notice]"));
    }

    [Fact]
    public async Task An_accepted_challenge_links_its_idea_and_the_timeline_shows_each_step_with_rationale_and_evidence()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var id = await ChallengePagesHost.Challenge(author);
        using var accepted = await facilitator.PostAsJsonAsync($"/api/challenges/{id}/accept", new { });
        var ideaId = (await Account.AccountApi.Json(accepted)).GetProperty("ideaId").GetString()!;
        await ChallengePagesHost.Ok(facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/advance",
            new { toStage = "research", rationale = "駐輪台数の調査が必要と判断しました。", evidence = new[] { "https://town.example.jp/minutes/7" } }));

        var (_, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}");

        Assert.Equal($"ideas/{ideaId}", page.QuerySelector("[data-testid=idea-link]")!.GetAttribute("href"));
        Assert.Contains("調査", page.QuerySelector(".status-card .stage-badge")!.TextContent);
        Assert.Contains("調査", page.QuerySelector(".challenge-header .stage-badge")!.TextContent);
        var steps = page.QuerySelectorAll("[data-testid=timeline] > li");
        Assert.Equal(["課題が投稿されました", "アイデアとして取り上げられました", "アイデアが「課題発見」から「調査」に進みました"],
            steps.Select(s => s.QuerySelector(".timeline-what")!.TextContent).ToArray());
        Assert.Contains("市役所 三郎", steps[2].QuerySelector(".timeline-meta")!.TextContent);
        Assert.Equal("駐輪台数の調査が必要と判断しました。", steps[2].QuerySelector(".timeline-text")!.TextContent);
        var evidence = steps[2].QuerySelector(".timeline-evidence a")!;
        Assert.Equal("https://town.example.jp/minutes/7", evidence.GetAttribute("href"));
        Assert.Contains("nofollow", evidence.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("ja", "見送り", "理由")]
    [InlineData("en", "Declined", "Reason")]
    public async Task A_declined_challenge_shows_its_public_reason(string culture, string status, string reasonLabel)
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var id = await ChallengePagesHost.Challenge(author);
        await ChallengePagesHost.Ok(facilitator.PostAsJsonAsync($"/api/challenges/{id}/decline", new { reason = "県の管理する道路のため、県に伝えました。" }));

        var (_, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}?culture={culture}");

        Assert.Contains(status, page.QuerySelector(".challenge-header .status-chip")!.TextContent);
        var reason = page.QuerySelector("[data-testid=decline-reason]")!;
        Assert.Contains(reasonLabel, reason.TextContent);
        Assert.Contains("県の管理する道路のため、県に伝えました。", reason.TextContent);
        Assert.Null(page.QuerySelector(".support-button"));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("NOT-AN-ID")]
    public async Task An_unknown_challenge_answers_404_with_the_not_found_page(string id)
    {
        await using var host = new ChallengePagesHost();

        var (response, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent);
    }
}
