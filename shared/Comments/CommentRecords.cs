namespace LivingLab.Comments;

/// <summary>Whether a comment is shown, was deleted by its author, or was hidden by a moderator with a reason.</summary>
[GenerateSerializer]
[Alias("ll.CommentStatus")]
public enum CommentStatus
{
    /// <summary>Shown to everyone.</summary>
    Visible,

    /// <summary>Deleted by its author: the place in the thread stays (replies keep their context), the text is gone.</summary>
    Deleted,

    /// <summary>Hidden by a moderator: the reason is public, the text only to moderators.</summary>
    Hidden,
}

/// <summary>What someone writes: Markdown, and the comment it replies to (top-level comments only; one level of replies).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.CommentInput")]
public sealed record CommentInput(string? Body, string? ParentId = null);

/// <summary>
/// A comment as one caller sees it. <see cref="Body"/> is null when the comment is deleted, or hidden and the caller is not
/// a moderator: a hidden comment's text must never reach public responses. <see cref="MergedFrom"/> names the challenge a
/// comment came from when duplicates were merged.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.CommentView")]
public sealed record CommentView(
    string Id,
    string? ParentId,
    string AuthorId,
    string? Body,
    DateTimeOffset Created,
    DateTimeOffset? Edited,
    CommentStatus Status,
    string? HiddenReason,
    bool CanEdit,
    string? MergedFrom = null);

/// <summary>The rules for comments, shared by every grain that has a thread.</summary>
public static class CommentRules
{
    /// <summary>The longest comment, in characters.</summary>
    public const int MaxBodyLength = 5_000;

    /// <summary>The longest reason a moderator gives for hiding a comment.</summary>
    public const int MaxHideReasonLength = 500;

    /// <summary>How long after posting the author may still edit: long enough to fix a typo, short enough that replies stay in context.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    /// <summary>Most comments one thread holds; a bound on what one grain keeps and one page renders.</summary>
    public const int MaxCommentsPerThread = 10_000;
}

/// <summary>
/// A comment as stored, with everything (also a hidden comment's text and who hid it). It crosses a grain boundary only
/// when a merged duplicate hands its thread over; public views are made from it with <see cref="CommentView"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.CommentRecord")]
public sealed record CommentRecord(
    string Id,
    string? ParentId,
    string AuthorId,
    string Body,
    DateTimeOffset Created,
    DateTimeOffset? Edited,
    CommentStatus Status,
    string? HiddenReason,
    string? HiddenBy,
    string? MergedFrom);
