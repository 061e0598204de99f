using LivingLab.Comments;

namespace LivingLab.Web.Api.Comments;

/// <summary>Body of <c>POST …/comments</c>: Markdown text, and the top-level comment it replies to.</summary>
public sealed record CommentRequest(string? Body, string? ParentId);

/// <summary>Body of <c>PATCH …/comments/{commentId}</c>.</summary>
public sealed record CommentEditRequest(string? Body);

/// <summary>Body of requests that only carry a public reason (hiding a comment, declining).</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>
/// A comment as the caller may see it. <see cref="Body"/> is null for a deleted comment, and for a hidden one unless the
/// caller moderates; <see cref="HiddenReason"/> is public.
/// </summary>
public sealed record CommentResponse(
    string Id,
    string? ParentId,
    PersonRef Author,
    string? Body,
    DateTimeOffset Created,
    DateTimeOffset? Edited,
    string Status,
    string? HiddenReason,
    bool CanEdit,
    string? MergedFrom)
{
    /// <summary>The API's names for comment statuses.</summary>
    public static string StatusName(CommentStatus status) => status switch
    {
        CommentStatus.Visible => "visible",
        CommentStatus.Deleted => "deleted",
        CommentStatus.Hidden => "hidden",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a comment status."),
    };

    public static async Task<CommentResponse> From(CommentView view, PersonNames people) => new(
        view.Id, view.ParentId, await people.Get(view.AuthorId), view.Body, view.Created, view.Edited,
        StatusName(view.Status), view.HiddenReason, view.CanEdit, view.MergedFrom);
}
