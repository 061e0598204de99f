using LivingLab.Pipeline;

namespace LivingLab.ReadModel.IdeaList;

/// <summary>
/// An idea as the public list shows it. <see cref="Operator"/> is "town", an accepted partner's id, or null;
/// <see cref="WelcomesPartners"/> is true while it is open in research or pilot.
/// </summary>
public sealed record IdeaListItem(
    string Id,
    string Title,
    string Category,
    Stage Stage,
    IdeaStatus Status,
    int VoteCount,
    int CommentCount,
    int ChallengeCount,
    DateTimeOffset Created,
    DateTimeOffset StageEntered,
    string? Operator,
    bool WelcomesPartners,
    int AcceptedPartnerCount,
    int KpiCount);
