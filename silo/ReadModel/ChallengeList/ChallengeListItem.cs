using LivingLab.Challenges;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel.ChallengeList;

/// <summary>A challenge as the public list shows it. <see cref="Stage"/> is its idea's stage once accepted, discovery before.</summary>
public sealed record ChallengeListItem(
    string Id,
    string Title,
    string Category,
    ChallengeStatus Status,
    Stage Stage,
    string? IdeaId,
    int SupportCount,
    int CommentCount,
    DateTimeOffset Created,
    ProxyChannel? ProxyChannel,
    string? PlaceText);
