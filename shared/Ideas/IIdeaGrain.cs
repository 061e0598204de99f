using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Live;
using LivingLab.Pipeline;
using Orleans.Concurrency;

namespace LivingLab.Ideas;

/// <summary>
/// One idea on its way through the pipeline (アイデア), keyed by its id. Every transition is an event with who, when,
/// from, to, why and evidence; the stage gates are <see cref="StageGate"/>. Checks the caller's role itself.
/// </summary>
[Alias("ll.IIdeaGrain")]
public interface IIdeaGrain : IGrainWithStringKey
{
    /// <summary>A resident (anyone signed in) proposes an idea; it starts in discovery.</summary>
    [Alias("ProposeAsync")]
    Task<CommandResult<IdeaDetails>> ProposeAsync(IdeaInput input);

    /// <summary>A facilitator creates the idea from a challenge (called by the challenge when accepted); starts in discovery.</summary>
    [Alias("CreateFromChallengeAsync")]
    Task<CommandResult<IdeaDetails>> CreateFromChallengeAsync(IdeaInput input, string challengeId);

    /// <summary>
    /// A facilitator creates the idea, in discovery, from a workshop's note or cluster (called by the workshop's board); a
    /// retry with the same source answers with the idea as it stands.
    /// </summary>
    [Alias("CreateFromWorkshopAsync")]
    Task<CommandResult<IdeaDetails>> CreateFromWorkshopAsync(IdeaInput input, LivingLab.Workshops.WorkshopContribution from);

    /// <summary>A facilitator adds a workshop's note or cluster to this open idea; the same source twice changes nothing.</summary>
    [Alias("AddWorkshopContributionAsync")]
    Task<CommandResult> AddWorkshopContributionAsync(LivingLab.Workshops.WorkshopContribution from);

    /// <summary>Links one more challenge to an existing idea (facilitators; called by the challenge when accepted).</summary>
    [Alias("LinkChallengeAsync")]
    Task<CommandResult> LinkChallengeAsync(string challengeId);

    /// <summary>
    /// Rewords the idea's title, summary and category (facilitators). An idea made from a challenge starts with the
    /// resident's words; staff give it a name a project can carry. The change is public in the timeline.
    /// </summary>
    [Alias("EditAsync")]
    Task<CommandResult<IdeaDetails>> EditAsync(IdeaInput input);

    /// <summary>The idea as the caller sees it; null when it does not exist.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<IdeaDetails?> GetAsync();

    /// <summary>
    /// Moves the idea one stage forward through the gate, or one back, or reopens a closed idea in its stage (facilitators).
    /// A refused gate answers "gateNotMet" with every missing condition as a cause.
    /// </summary>
    [Alias("AdvanceAsync")]
    Task<CommandResult<IdeaDetails>> AdvanceAsync(AdvanceInput input);

    /// <summary>Closes the idea as declined or on hold, with a public reason (facilitators).</summary>
    [Alias("CloseAsync")]
    Task<CommandResult<IdeaDetails>> CloseAsync(IdeaStatus status, string? reason);

    /// <summary>
    /// Adds the caller's vote (one per account; "alreadyVoted"); returns the new count. Interleaves with other calls so
    /// concurrent votes on one idea share writes (see the silo's StateCommitter).
    /// </summary>
    [AlwaysInterleave]
    [Alias("VoteAsync")]
    Task<CommandResult<int>> VoteAsync();

    /// <summary>Withdraws the caller's vote ("notVoted"); returns the new count.</summary>
    [AlwaysInterleave]
    [Alias("WithdrawVoteAsync")]
    Task<CommandResult<int>> WithdrawVoteAsync();

    /// <summary>Follows the idea (signed in); following twice is fine.</summary>
    [Alias("FollowAsync")]
    Task<CommandResult> FollowAsync();

    /// <summary>Stops following; fine when not following.</summary>
    [Alias("UnfollowAsync")]
    Task<CommandResult> UnfollowAsync();

    /// <summary>The thread, oldest first, replies after their parent; hidden text only for moderators.</summary>
    [ReadOnly]
    [Alias("GetCommentsAsync")]
    Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync();

    /// <summary>Adds a comment or a reply (signed in).</summary>
    [Alias("CommentAsync")]
    Task<CommandResult<CommentView>> CommentAsync(CommentInput input);

    /// <summary>Edits the caller's own comment within 15 minutes.</summary>
    [Alias("EditCommentAsync")]
    Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body);

    /// <summary>Deletes the caller's own comment (or any, for a moderator).</summary>
    [Alias("DeleteCommentAsync")]
    Task<CommandResult> DeleteCommentAsync(string commentId);

    /// <summary>Hides a comment with a public reason (facilitators and admins).</summary>
    [Alias("HideCommentAsync")]
    Task<CommandResult> HideCommentAsync(string commentId, string? reason);

    /// <summary>Adds a KPI (facilitators); not after rollout.</summary>
    [Alias("AddKpiAsync")]
    Task<CommandResult<Kpi>> AddKpiAsync(KpiInput input);

    /// <summary>Records a measurement of a KPI (facilitators, or members of an accepted partner).</summary>
    [Alias("RecordMeasurementAsync")]
    Task<CommandResult<RecordedMeasurement>> RecordMeasurementAsync(string kpiId, MeasurementInput input);

    /// <summary>A partner member applies with a Markdown proposal while the idea is open in research or pilot.</summary>
    [Alias("ApplyAsPartnerAsync")]
    Task<CommandResult<PartnerApplication>> ApplyAsPartnerAsync(string? proposal);

    /// <summary>Accepts or declines a pending application (facilitators); a decline needs a reason.</summary>
    [Alias("DecideApplicationAsync")]
    Task<CommandResult<PartnerApplication>> DecideApplicationAsync(string applicationId, bool accept, string? reason);

    /// <summary>Names who runs the pilot: the town, or a partner accepted on this idea (facilitators).</summary>
    [Alias("SetOperatorAsync")]
    Task<CommandResult<IdeaDetails>> SetOperatorAsync(IdeaOperator op);

    /// <summary>The people to tell about a change: creator, voters and followers (for notifications).</summary>
    [ReadOnly]
    [Alias("GetAudienceAsync")]
    Task<IReadOnlyList<string>> GetAudienceAsync();

    /// <summary>
    /// Subscribes a live observer to this idea's vote count, status and stage, notified after each durable change; renew within
    /// <see cref="LiveSubscriptions.Lifetime"/>. Returns the idea as it stands, or null when it does not exist.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SubscribeAsync")]
    Task<ItemSnapshot?> SubscribeAsync(IItemObserver observer);

    /// <summary>Ends a live subscription.</summary>
    [AlwaysInterleave]
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IItemObserver observer);
}
