using System.Net;
using System.Net.Http.Json;
using Bunit;
using LivingLab.Web.Api.Comments;
using LivingLab.Web.Components.Comments;
using LivingLab.Web.Features.Challenges;
using LivingLab.Web.Features.Ideas;
using LivingLab.Web.Tests.Pages.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Participation;

/// <summary>
/// The follow and comment islands, rendered by bUnit as the signed-in resident's circuit over the real site (grains,
/// live hub, localization): a follow or a comment lands in the grain and shows in place, a refusal shows beside its
/// control in the page's language, and a comment posted elsewhere appears in the open thread.
/// </summary>
public sealed class ParticipationIslandTests
{
    // An upper bound for the real grain calls and live notifications on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "フォローをやめる", "フォローしました")]
    [InlineData("en", "Stop following", "You follow this now")]
    public async Task Following_a_challenge_flips_the_button_in_place_says_so_and_is_stored(string culture, string unfollow, string said)
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("駅前の駐輪場が足りない");
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var panel = context.Render<ChallengeFollowPanel>(p => p.Add(x => x.ChallengeId, id).Add(x => x.On, false));

        panel.Find("form").Submit();

        panel.WaitForAssertion(() =>
        {
            Assert.Equal(unfollow, panel.Find("[data-testid=follow-button]").TextContent.Trim());
            Assert.Contains(said, panel.Find("[data-testid=follow-status]").TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.Equal("unfollow", panel.Find("input[name=FollowAction]").GetAttribute("value"));
        var stored = await site.Json($"/api/challenges/{id}", site.Resident);
        Assert.True(stored.GetProperty("followedByMe").GetBoolean());
    }

    [Fact]
    public async Task Unfollowing_an_idea_in_place_is_stored_and_the_hint_follows()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewIdea("公民館でスマホ相談");
        using (var followed = await site.Resident.PostAsync($"/api/ideas/{id}/follow", null))
        {
            Assert.True(followed.IsSuccessStatusCode);
        }

        CircuitContext.UseCulture("ja");
        await using var context = ResidentContext(site);
        var panel = context.Render<IdeaFollowPanel>(p => p.Add(x => x.IdeaId, id).Add(x => x.On, true));

        panel.Find("form").Submit();

        panel.WaitForAssertion(() => Assert.Contains("フォローを外しました", panel.Find("[data-testid=follow-status]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("follow", panel.Find("input[name='FollowForm.Action']").GetAttribute("value"));
        var stored = await site.Json($"/api/ideas/{id}", site.Resident);
        Assert.False(stored.GetProperty("followedByMe").GetBoolean());
    }

    [Theory]
    [InlineData("ja", "お探しのものが見つかりませんでした。")]
    [InlineData("en", "What you are looking for was not found.")]
    public async Task Following_what_is_not_there_is_refused_beside_the_button_in_the_pages_language(string culture, string message)
    {
        await using var site = await StaffSite.StartAsync();
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var panel = context.Render<ChallengeFollowPanel>(p => p.Add(x => x.ChallengeId, LivingLab.Common.Ids.New()).Add(x => x.On, false));

        panel.Find("form").Submit();

        panel.WaitForAssertion(() => Assert.Equal(message, panel.Find("#follow-error").TextContent.Trim()), Wait);
        Assert.Contains("follow-error", panel.Find("[data-testid=follow-button]").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("follow", panel.Find("input[name=FollowAction]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("ja", "コメントを投稿しました。")]
    [InlineData("en", "Your comment is posted.")]
    public async Task A_comment_posted_in_place_joins_the_thread_and_the_field_empties(string culture, string said)
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("歩道の段差が危ない");
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Challenge, id);

        CircuitContext.Act(thread, "#comment-new-input", e => e.Change("私も**毎朝**つまずきます。"));
        CircuitContext.Act(thread, ".comment-new form", e => e.Submit());

        thread.WaitForAssertion(() =>
        {
            var comment = thread.Find(".comment-list .comment");
            Assert.Equal("酒田 花子", comment.QuerySelector(".comment-author")!.TextContent);
            Assert.Equal("毎朝", comment.QuerySelector("strong")!.TextContent);
            Assert.Equal(said, thread.Find("[data-testid=comment-new-status]").TextContent.Trim());
        }, Wait);
        Assert.Equal("", thread.Find("#comment-new-input").GetAttribute("value") ?? "");
        Assert.Contains(culture == "ja" ? "（1件）" : "(1)", thread.Find("#comments-heading").TextContent, StringComparison.Ordinal);
        var stored = await site.Json($"/api/challenges/{id}/comments");
        Assert.Equal(1, stored.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("ja", "", "を入力してください")]
    [InlineData("en", "", "is required")]
    [InlineData("ja", "long", "文字以内で入力してください")]
    [InlineData("en", "long", "must be at most")]
    public async Task An_empty_or_too_long_comment_is_refused_beside_the_field_and_the_text_stays(string culture, string text, string message)
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("公園の照明が暗い");
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Challenge, id);
        var typed = text == "long" ? new string('あ', LivingLab.Comments.CommentRules.MaxBodyLength + 1) : text;

        CircuitContext.Act(thread, "#comment-new-input", e => e.Change(typed));
        CircuitContext.Act(thread, ".comment-new form", e => e.Submit());

        thread.WaitForAssertion(() => Assert.Contains(message, thread.Find("#comment-new-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("comment-new-error", thread.Find("#comment-new-input").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(typed, thread.Find("#comment-new-input").TextContent);
        Assert.Empty(thread.FindAll(".comment-list .comment"));
        Assert.Equal("", thread.Find("[data-testid=comment-new-status]").TextContent.Trim());
    }

    [Theory]
    [InlineData("ja", "この課題はほかの課題にまとめられました。")]
    [InlineData("en", "This local issue was merged into another one.")]
    public async Task A_comment_on_a_challenge_merged_meanwhile_is_refused_beside_the_field(string culture, string message)
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("駅前の自転車が多すぎる");
        var into = await site.NewChallenge("駅前の駐輪場を増やしてほしい");
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Challenge, id);
        using (var merged = await site.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/merge", new { intoId = into }))
        {
            Assert.True(merged.IsSuccessStatusCode, $"merge: {(int)merged.StatusCode}");
        }

        CircuitContext.Act(thread, "#comment-new-input", e => e.Change("まだ書けますか。"));
        CircuitContext.Act(thread, ".comment-new form", e => e.Submit());

        thread.WaitForAssertion(() => Assert.Contains(message, thread.Find("#comment-new-error").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task A_reply_posted_in_place_shows_under_its_comment()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewIdea("島の買い物代行");
        var top = await Comment(site.Facilitator, $"/api/ideas/{id}/comments", "配達の曜日はどうしますか。");
        CircuitContext.UseCulture("ja");
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Idea, id);

        thread.WaitForElement($"#reply-{top}-input", Wait).Change("火曜と金曜がよいと思います。");
        thread.Find($"#reply-{top}-input").Closest("form")!.Submit();

        thread.WaitForAssertion(() =>
        {
            var reply = thread.Find(".comment-replies .comment");
            Assert.Contains("火曜と金曜", reply.TextContent, StringComparison.Ordinal);
            Assert.Equal("返信を投稿しました。", thread.Find($"[data-testid=reply-{top}-status]").TextContent.Trim());
        }, Wait);
    }

    [Fact]
    public async Task A_comment_someone_else_posts_appears_in_the_open_thread_and_is_announced()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("バス停に屋根がほしい");
        CircuitContext.UseCulture("ja");
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Challenge, id);
        // Typed but not posted: a live update must not take it away.
        CircuitContext.Act(thread, "#comment-new-input", e => e.Change("書きかけの文章"));

        await Comment(site.Facilitator, $"/api/challenges/{id}/comments", "来年度の予算で検討します。");

        thread.WaitForAssertion(() =>
        {
            Assert.Contains("来年度の予算で検討します。", thread.Find(".comment-list").TextContent, StringComparison.Ordinal);
            Assert.Equal("新しいコメントが届きました。", thread.Find("[data-testid=comments-live-status]").TextContent.Trim());
        }, Wait);
        Assert.Equal("書きかけの文章", thread.Find("#comment-new-input").TextContent);
    }

    [Fact]
    public async Task Markdown_in_a_comment_never_becomes_script_or_raw_html()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await site.NewChallenge("掲示板が読みにくい");
        CircuitContext.UseCulture("ja");
        await using var context = ResidentContext(site);
        var thread = RenderThread(context, CommentItemKind.Challenge, id);

        CircuitContext.Act(thread, "#comment-new-input", e => e.Change("<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"));
        CircuitContext.Act(thread, ".comment-new button[aria-pressed]", e => e.Click());
        thread.WaitForAssertion(() => Assert.NotNull(thread.Find(".comment-preview")), Wait);
        CircuitContext.Act(thread, ".comment-new form", e => e.Submit());

        thread.WaitForAssertion(() => Assert.NotEmpty(thread.FindAll(".comment-list .comment")), Wait);
        var comment = thread.Find(".comment-list .comment");
        Assert.Empty(comment.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(comment.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>", comment.TextContent, StringComparison.Ordinal);
    }

    private static IRenderedComponent<CommentThreadIsland> RenderThread(BunitContext context, CommentItemKind kind, string id) =>
        context.Render<CommentThreadIsland>(p => p
            .Add(x => x.ItemKind, kind)
            .Add(x => x.ItemId, id)
            .Add(x => x.ReturnUrl, kind == CommentItemKind.Idea ? $"/ideas/{id}" : $"/challenges/{id}"));

    private static async Task<string> Comment(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsJsonAsync(path, new { body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Account.AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    // The resident's circuit, with the islands' façades over the real grains.
    private static BunitContext ResidentContext(StaffSite site) =>
        CircuitContext.Create(site.Factory.Services, "酒田 花子", site.ResidentId, ["resident"],
            facades: [typeof(ChallengeParticipation), typeof(IdeaParticipation), typeof(CommentParticipation)]);
}
