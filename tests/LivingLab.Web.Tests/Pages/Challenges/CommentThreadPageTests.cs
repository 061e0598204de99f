using System.Net;
using System.Net.Http.Json;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>The shared comment thread on a challenge's page: every action a plain form post that redirects to the comment.</summary>
public sealed class CommentThreadPageTests
{
    [Fact]
    public async Task A_comment_and_a_reply_are_posted_by_form_and_shown_in_one_thread_with_their_authors()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person("酒田 花子");
        var id = await ChallengePagesHost.Challenge(author);
        var (neighbour, _) = await host.Person("鈴木 結衣");
        var page = $"/challenges/{id}";

        using var posted = await PageForms.Submit(neighbour, page, "comment-new", new Dictionary<string, string?> { ["Body"] = "私も**毎朝**困っています。" });

        var location = ChallengePagesHost.Redirected(posted);
        Assert.Matches($"^/challenges/{id}#comment-.+$", location);
        var commentId = location.Split("#comment-")[1];
        using var replied = await PageForms.Submit(author, page, $"comment-reply-{commentId}", new Dictionary<string, string?> { ["Body"] = "ありがとうございます。" });
        ChallengePagesHost.Redirected(replied);

        var (_, thread) = await PageForms.Get(host.Anonymous(), page);
        var comment = thread.QuerySelector($"#comment-{commentId}")!;
        Assert.Equal("鈴木 結衣", comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("毎朝", comment.QuerySelector("strong")!.TextContent);
        var reply = thread.QuerySelector(".comment-replies .comment")!;
        Assert.Equal("酒田 花子", reply.QuerySelector(".comment-author")!.TextContent);
        Assert.Contains("ありがとうございます。", reply.TextContent);
        Assert.Contains("（2件）", thread.QuerySelector("#comments-heading")!.TextContent);
        Assert.Equal("ログインしてコメントする", thread.QuerySelector(".comment-sign-in a")!.TextContent);
    }

    [Fact]
    public async Task Replies_cannot_be_replied_to_so_only_top_level_comments_offer_a_reply_form()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var top = await Lab.Comment(author, $"/api/challenges/{id}");
        var reply = await Lab.Comment(author, $"/api/challenges/{id}", "返信です。", top);

        var (_, page) = await PageForms.Get(author, $"/challenges/{id}");

        Assert.True(PageForms.HasForm(page, $"comment-reply-{top}"));
        Assert.False(PageForms.HasForm(page, $"comment-reply-{reply}"));
    }

    [Fact]
    public async Task Comment_preview_renders_the_markdown_and_keeps_the_draft_open_without_posting()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);

        using var previewed = await PageForms.Submit(author, $"/challenges/{id}", "comment-new",
            new Dictionary<string, string?> { ["Body"] = "# 見出し\n\n本文です。", ["Action"] = "preview" });

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var page = PageForms.Parse(await previewed.Content.ReadAsStringAsync());
        Assert.Equal("見出し", page.QuerySelector(".comment-new .comment-preview h1")!.TextContent);
        Assert.Contains("# 見出し", page.QuerySelector("#comment-new-input")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".comment-list .comment"));
    }

    [Fact]
    public async Task The_author_edits_within_15_minutes_and_is_told_until_when_after_which_the_edit_form_is_gone()
    {
        var clock = new ShiftedClock();
        await using var host = new ChallengePagesHost(clock);
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var commentId = await Lab.Comment(author, $"/api/challenges/{id}", "誤字がありまs。");
        var page = $"/challenges/{id}";
        var (_, before) = await PageForms.Get(author, page);
        Assert.Contains("まで編集できます。", before.QuerySelector($"#edit-{commentId}-hint")!.TextContent);

        using var edited = await PageForms.Submit(author, before, page, $"comment-edit-{commentId}", new Dictionary<string, string?> { ["Body"] = "誤字を直しました。" });

        Assert.Equal($"{page}#comment-{commentId}", ChallengePagesHost.Redirected(edited));
        var (_, after) = await PageForms.Get(author, page);
        Assert.Contains("誤字を直しました。", after.QuerySelector($"#comment-{commentId}")!.TextContent);
        Assert.Contains("（編集済み）", after.QuerySelector($"#comment-{commentId}")!.TextContent);

        clock.Advance(TimeSpan.FromMinutes(16));
        using var late = await PageForms.Submit(author, after, page, $"comment-edit-{commentId}", new Dictionary<string, string?> { ["Body"] = "もう一度。" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var refused = PageForms.Parse(await late.Content.ReadAsStringAsync());
        Assert.Equal("コメントを編集できるのは、投稿してから15分以内です。", refused.QuerySelector($"#edit-{commentId}-error")!.TextContent);
        Assert.Equal("もう一度。", refused.QuerySelector($"#edit-{commentId}-input")!.TextContent);
        Assert.False(PageForms.HasForm(PageForms.Parse(await author.GetStringAsync(page)), $"comment-edit-{commentId}"));
    }

    [Fact]
    public async Task The_author_deletes_a_comment_and_its_place_stays_without_the_text()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var id = await ChallengePagesHost.Challenge(author);
        var commentId = await Lab.Comment(author, $"/api/challenges/{id}", "消したいコメント");
        var (other, _) = await host.Person("鈴木 結衣");
        var (_, othersView) = await PageForms.Get(other, $"/challenges/{id}");
        Assert.False(PageForms.HasForm(othersView, $"comment-delete-{commentId}"));

        using var deleted = await PageForms.Submit(author, $"/challenges/{id}", $"comment-delete-{commentId}");

        ChallengePagesHost.Redirected(deleted);
        var (_, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}");
        var comment = page.QuerySelector($"#comment-{commentId}")!;
        Assert.Equal("このコメントは削除されました。", comment.QuerySelector(".comment-placeholder")!.TextContent);
        Assert.DoesNotContain("消したいコメント", page.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("ja", "非表示: 個人情報が含まれていたため")]
    [InlineData("en", "Hidden: 個人情報が含まれていたため")]
    public async Task Staff_hide_a_comment_with_a_reason_that_everyone_sees_instead_of_the_text(string culture, string shown)
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var id = await ChallengePagesHost.Challenge(author);
        var commentId = await Lab.Comment(author, $"/api/challenges/{id}", "電話番号は090-0000-0000です");
        var (_, residentView) = await PageForms.Get(author, $"/challenges/{id}");
        Assert.False(PageForms.HasForm(residentView, $"comment-hide-{commentId}"));

        using var hidden = await PageForms.Submit(facilitator, $"/challenges/{id}", $"comment-hide-{commentId}",
            new Dictionary<string, string?> { ["Reason"] = "個人情報が含まれていたため" });

        ChallengePagesHost.Redirected(hidden);
        var (_, page) = await PageForms.Get(host.Anonymous(), $"/challenges/{id}?culture={culture}");
        Assert.Equal(shown, page.QuerySelector($"#comment-{commentId} [data-testid=hidden-reason]")!.TextContent);
        Assert.DoesNotContain("090-0000-0000", page.DocumentElement.OuterHtml);
        var (_, staffView) = await PageForms.Get(facilitator, $"/challenges/{id}");
        Assert.Contains("090-0000-0000", staffView.QuerySelector($"#comment-{commentId} details")!.TextContent);
    }

    [Fact]
    public async Task Hiding_without_a_reason_is_refused_next_to_the_reason_field()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var id = await ChallengePagesHost.Challenge(author);
        var commentId = await Lab.Comment(author, $"/api/challenges/{id}");

        using var refused = await PageForms.Submit(facilitator, $"/challenges/{id}", $"comment-hide-{commentId}", new Dictionary<string, string?> { ["Reason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("「理由」を入力してください。", page.QuerySelector($"#hide-{commentId}-error")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#comment-{commentId} details[open] #hide-{commentId}-input"));
    }

    [Fact]
    public async Task The_thread_component_serves_ideas_through_the_same_adapter()
    {
        await using var host = new ChallengePagesHost();
        var (author, _) = await host.Person();
        using var proposed = await author.PostAsJsonAsync("/api/ideas", new { title = "LINEで注文", summary = "島の商店への注文をLINEで受ける。", category = "digital" });
        var ideaId = (await Account.AccountApi.Json(proposed)).GetProperty("id").GetString()!;
        var grains = host.Factory.Services.GetService(typeof(Orleans.IGrainFactory)) as Orleans.IGrainFactory;

        var thread = LivingLab.Web.Api.Comments.CommentThreads.For(grains!, LivingLab.Web.Api.Comments.CommentItemKind.Idea, ideaId);
        await Lab.Comment(author, $"/api/ideas/{ideaId}", "アイデアへのコメント");

        var comments = await thread.GetCommentsAsync();
        Assert.True(comments.Succeeded);
        Assert.Equal("アイデアへのコメント", Assert.Single(comments.Value!).Body);
    }
}
