using LivingLab.Comments;

namespace LivingLab.Challenges;

/// <summary>Where a challenge stands: open for support, accepted into the pipeline, merged into another, or declined.</summary>
[GenerateSerializer]
[Alias("ll.ChallengeStatus")]
public enum ChallengeStatus
{
    /// <summary>Posted and open for support; waiting for a facilitator.</summary>
    Open,

    /// <summary>Accepted into the pipeline: linked to an idea, whose stage is where the challenge stands now.</summary>
    Accepted,

    /// <summary>A duplicate merged into another challenge, which now holds its supporters and comments.</summary>
    Merged,

    /// <summary>Declined by a facilitator, with a public reason.</summary>
    Declined,
}

/// <summary>How a proxy entry reached the staff (誰一人取り残さない).</summary>
[GenerateSerializer]
[Alias("ll.ProxyChannel")]
public enum ProxyChannel
{
    /// <summary>紙: a paper form.</summary>
    Paper,

    /// <summary>電話: a phone call.</summary>
    Phone,

    /// <summary>窓口: at the town office counter.</summary>
    Counter,

    /// <summary>イベント: at an event or workshop.</summary>
    Event,
}

/// <summary>Where the issue is: a text ("駅前の駐輪場"), a point, or both.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.Place")]
public sealed record Place(string? Text, double? Latitude, double? Longitude);

/// <summary>What a resident posts. Category is one of <see cref="Categories"/>; place is optional.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ChallengeInput")]
public sealed record ChallengeInput(string? Title, string? Body, string? Category, Place? Place = null);

/// <summary>
/// A staff member's entry on behalf of a person without a device: the channel, and optionally how the person may be named
/// publicly ("70代の住民" / "a resident in her 70s"); never a real name unless the person asked for it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ProxyEntryInput")]
public sealed record ProxyEntryInput(ProxyChannel? Channel, string? OnBehalfOf = null);

/// <summary>The public record of a proxy entry: the channel, the public description of the person, and the staff member.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ProxyEntry")]
public sealed record ProxyEntry(ProxyChannel Channel, string? OnBehalfOf, string EnteredBy);

/// <summary>A challenge as anyone may see it, plus what the caller has done with it (support, follow).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ChallengeDetails")]
public sealed record ChallengeDetails(
    string Id,
    string Title,
    string Body,
    string Category,
    Place? Place,
    string AuthorId,
    ProxyEntry? Proxy,
    DateTimeOffset Created,
    ChallengeStatus Status,
    int SupportCount,
    int FollowerCount,
    int CommentCount,
    string? IdeaId,
    string? MergedIntoId,
    string? DeclineReason,
    DateTimeOffset? Decided,
    bool SupportedByCaller,
    bool FollowedByCaller);

/// <summary>What a merged duplicate hands to the challenge that absorbs it: its supporters, followers and comments.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.MergePackage")]
public sealed record MergePackage(
    string FromId,
    IReadOnlyList<string> SupporterIds,
    IReadOnlyList<string> FollowerIds,
    IReadOnlyList<CommentRecord> Comments);
