using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Live;
using Orleans.Concurrency;

namespace LivingLab.Challenges;

/// <summary>
/// One local issue (地域の課題), keyed by its id. Checks who may do what itself (from <see cref="People.Caller"/>), so a
/// direct call cannot skip a rule the API applies. Supporters, followers and comments are rows of their own, so one
/// more supporter costs the same at 10 or 100,000.
/// </summary>
[Alias("ll.IChallengeGrain")]
public interface IChallengeGrain : IGrainWithStringKey
{
    /// <summary>Posts the challenge as the caller (signed in). "alreadyExists" when this id is taken; validation codes name the field.</summary>
    [Alias("SubmitAsync")]
    Task<CommandResult<ChallengeDetails>> SubmitAsync(ChallengeInput input);

    /// <summary>Posts on behalf of a person without a device (facilitators only); the challenge shows this publicly.</summary>
    [Alias("SubmitOnBehalfAsync")]
    Task<CommandResult<ChallengeDetails>> SubmitOnBehalfAsync(ChallengeInput input, ProxyEntryInput proxy);

    /// <summary>The challenge as the caller sees it; null when it does not exist.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<ChallengeDetails?> GetAsync();

    /// <summary>
    /// Adds the caller's support (one per account; repeating is "alreadySupported"); returns the new count. Interleaves
    /// with other calls so a popular challenge's supports share writes instead of queueing one fsync each.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SupportAsync")]
    Task<CommandResult<int>> SupportAsync();

    /// <summary>Withdraws the caller's support ("notSupported" when there is none); returns the new count.</summary>
    [AlwaysInterleave]
    [Alias("WithdrawSupportAsync")]
    Task<CommandResult<int>> WithdrawSupportAsync();

    /// <summary>Follows the challenge (signed in); following twice is fine.</summary>
    [Alias("FollowAsync")]
    Task<CommandResult> FollowAsync();

    /// <summary>Stops following; fine when not following.</summary>
    [Alias("UnfollowAsync")]
    Task<CommandResult> UnfollowAsync();

    /// <summary>The thread, oldest first, replies after their parent; hidden text only for moderators.</summary>
    [ReadOnly]
    [Alias("GetCommentsAsync")]
    Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync();

    /// <summary>Adds a comment or a reply to a top-level comment (signed in).</summary>
    [Alias("CommentAsync")]
    Task<CommandResult<CommentView>> CommentAsync(CommentInput input);

    /// <summary>Edits the caller's own comment within 15 minutes of posting ("editWindowClosed" after).</summary>
    [Alias("EditCommentAsync")]
    Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body);

    /// <summary>Deletes the caller's own comment (or any, for a moderator).</summary>
    [Alias("DeleteCommentAsync")]
    Task<CommandResult> DeleteCommentAsync(string commentId);

    /// <summary>Hides a comment with a public reason (facilitators and admins).</summary>
    [Alias("HideCommentAsync")]
    Task<CommandResult> HideCommentAsync(string commentId, string? reason);

    /// <summary>
    /// Accepts the challenge into the pipeline (facilitators): creates an idea in discovery from it, or links the existing
    /// idea <paramref name="ideaId"/>. Returns the idea's id.
    /// </summary>
    [Alias("AcceptAsync")]
    Task<CommandResult<string>> AcceptAsync(string? ideaId);

    /// <summary>
    /// Merges this duplicate into <paramref name="intoId"/> (facilitators): the other challenge gets every supporter once,
    /// every follower and every comment; this one then redirects there.
    /// </summary>
    [Alias("MergeAsync")]
    Task<CommandResult> MergeAsync(string? intoId);

    /// <summary>Declines the challenge with a public reason (facilitators).</summary>
    [Alias("DeclineAsync")]
    Task<CommandResult> DeclineAsync(string? reason);

    /// <summary>A facilitator adds a workshop's note or cluster to this challenge; the same source twice changes nothing.</summary>
    [Alias("AddWorkshopContributionAsync")]
    Task<CommandResult> AddWorkshopContributionAsync(LivingLab.Workshops.WorkshopContribution from);

    /// <summary>
    /// Takes in a merged duplicate's supporters, followers and comments. Called by the duplicate during a merge;
    /// repeating it for the same duplicate changes nothing, so a merge interrupted half-way can simply be retried.
    /// Interleaves, because the duplicate waits on it while merging: were A merged into B while B is merged into A, each
    /// would otherwise wait on the other until Orleans' call timeout (no grain call cycle may block). A challenge that is
    /// being merged away itself refuses with "conflict".
    /// </summary>
    [AlwaysInterleave]
    [Alias("AbsorbAsync")]
    Task<CommandResult<int>> AbsorbAsync(MergePackage package);

    /// <summary>The people to tell about a change: author, supporters and followers (for notifications).</summary>
    [ReadOnly]
    [Alias("GetAudienceAsync")]
    Task<IReadOnlyList<string>> GetAudienceAsync();

    /// <summary>
    /// Subscribes a live observer to this challenge's support count and status, notified after each durable change; renew within
    /// <see cref="LiveSubscriptions.Lifetime"/>. Returns the challenge as it stands, or null when it does not exist.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SubscribeAsync")]
    Task<ItemSnapshot?> SubscribeAsync(IItemObserver observer);

    /// <summary>Ends a live subscription.</summary>
    [AlwaysInterleave]
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IItemObserver observer);
}
