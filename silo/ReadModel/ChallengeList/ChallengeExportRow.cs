using LivingLab.Challenges;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel.ChallengeList;

/// <summary>
/// A challenge as open data: public fields only. The author and the staff member of a proxy entry are left out, as are
/// supporters and comments; the counts stand for them.
/// </summary>
public sealed record ChallengeExportRow(
    string Id,
    string Title,
    string Body,
    string Category,
    ChallengeStatus Status,
    Stage Stage,
    string? IdeaId,
    int SupportCount,
    int CommentCount,
    DateTimeOffset Created,
    ProxyChannel? ProxyChannel,
    string? PlaceText,
    double? Latitude,
    double? Longitude,
    string? MergedIntoId,
    string? DeclineReason);
