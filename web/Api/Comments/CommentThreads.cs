using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using Orleans;
namespace LivingLab.Web.Api.Comments;

/// <summary>The kinds of item that carry a comment thread.</summary>
public enum CommentItemKind
{
    /// <summary>A local issue (IChallengeGrain).</summary>
    Challenge,

    /// <summary>An idea (IIdeaGrain).</summary>
    Idea,
}

/// <summary>
/// Finds the thread of an item: challenges and ideas have the same comment methods on different grains, so the comment
/// endpoints and the thread component talk to <see cref="ICommentThread"/> and never need to know which grain answers.
/// </summary>
public static class CommentThreads
{
    /// <summary>The thread of <paramref name="itemId"/>, of the given kind.</summary>
    public static ICommentThread For(IGrainFactory grains, CommentItemKind kind, string itemId) => kind switch
    {
        CommentItemKind.Challenge => new ChallengeThread(grains.GetGrain<IChallengeGrain>(itemId)),
        CommentItemKind.Idea => new IdeaThread(grains.GetGrain<IIdeaGrain>(itemId)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an item kind with comments."),
    };

    private sealed class ChallengeThread(IChallengeGrain grain) : ICommentThread
    {
        public Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync() => grain.GetCommentsAsync();

        public Task<CommandResult<CommentView>> CommentAsync(CommentInput input) => grain.CommentAsync(input);

        public Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body) => grain.EditCommentAsync(commentId, body);

        public Task<CommandResult> DeleteCommentAsync(string commentId) => grain.DeleteCommentAsync(commentId);

        public Task<CommandResult> HideCommentAsync(string commentId, string? reason) => grain.HideCommentAsync(commentId, reason);
    }

    private sealed class IdeaThread(IIdeaGrain grain) : ICommentThread
    {
        public Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync() => grain.GetCommentsAsync();

        public Task<CommandResult<CommentView>> CommentAsync(CommentInput input) => grain.CommentAsync(input);

        public Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body) => grain.EditCommentAsync(commentId, body);

        public Task<CommandResult> DeleteCommentAsync(string commentId) => grain.DeleteCommentAsync(commentId);

        public Task<CommandResult> HideCommentAsync(string commentId, string? reason) => grain.HideCommentAsync(commentId, reason);
    }
}
