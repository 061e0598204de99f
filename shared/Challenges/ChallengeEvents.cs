namespace LivingLab.Challenges;

/// <summary>
/// The events a challenge records, with their public payloads (JSON, camelCase). Read models, timelines and exports are
/// built from these alone, so they never hold an email or a hidden comment's text. The actor of each is the event's ActorId.
/// </summary>
public static class ChallengeEvents
{
    public const string Submitted = "ChallengeSubmitted";
    public const string Supported = "ChallengeSupported";
    public const string SupportWithdrawn = "ChallengeSupportWithdrawn";
    public const string Followed = "ChallengeFollowed";
    public const string Unfollowed = "ChallengeUnfollowed";
    public const string Accepted = "ChallengeAccepted";
    public const string Merged = "ChallengeMerged";
    public const string Absorbed = "ChallengeAbsorbed";
    public const string Declined = "ChallengeDeclined";
    public const string WorkshopContributed = "ChallengeWorkshopContributed";
}

/// <summary>ChallengeSubmitted: everything public about a new challenge.</summary>
public sealed record ChallengeSubmittedEvent(
    string ChallengeId, string Title, string Body, string Category, Place? Place, ProxyEntry? Proxy, string AuthorId);

/// <summary>ChallengeSupported / ChallengeSupportWithdrawn: the count after the change.</summary>
public sealed record ChallengeSupportEvent(string ChallengeId, int SupportCount);

/// <summary>ChallengeFollowed / ChallengeUnfollowed (the person is the event's actor).</summary>
public sealed record ChallengeFollowEvent(string ChallengeId);

/// <summary>ChallengeAccepted: the idea it became or joined, and whether that idea was created for it.</summary>
public sealed record ChallengeAcceptedEvent(string ChallengeId, string IdeaId, bool CreatedIdea);

/// <summary>ChallengeMerged: this challenge now redirects to <see cref="IntoId"/>.</summary>
public sealed record ChallengeMergedEvent(string ChallengeId, string IntoId);

/// <summary>ChallengeAbsorbed: a duplicate was merged into this one; the counts after taking it in.</summary>
public sealed record ChallengeAbsorbedEvent(string ChallengeId, string FromId, int SupportCount, int CommentCount);

/// <summary>ChallengeDeclined: the public reason.</summary>
public sealed record ChallengeDeclinedEvent(string ChallengeId, string Reason);

/// <summary>ChallengeWorkshopContributed: a note or cluster from a workshop's board was added to this challenge (public).</summary>
public sealed record ChallengeWorkshopContributedEvent(string ChallengeId, string WorkshopId, string WorkshopTitle, string SourceId, string Text);
