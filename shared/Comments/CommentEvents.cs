namespace LivingLab.Comments;

/// <summary>
/// Comment events, the same on every kind of item (the event's grain type says which). Payloads are public: a hidden
/// comment's text is never in an event; the body of a posted comment is, since it is public until hidden, and the
/// CommentHidden event tells read models to drop it.
/// </summary>
public static class CommentEvents
{
    public const string Posted = "CommentPosted";
    public const string Edited = "CommentEdited";
    public const string Deleted = "CommentDeleted";
    public const string Hidden = "CommentHidden";
}

/// <summary>CommentPosted / CommentEdited: the comment as it now reads, and whose comment it answers (for reply notifications).</summary>
public sealed record CommentPostedEvent(string ItemId, string CommentId, string? ParentId, string? ParentAuthorId, string AuthorId, string Body);

/// <summary>CommentDeleted / CommentHidden: the reason is set for a hidden comment.</summary>
public sealed record CommentRemovedEvent(string ItemId, string CommentId, string? Reason);
