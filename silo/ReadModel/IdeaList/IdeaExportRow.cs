using LivingLab.Pipeline;

namespace LivingLab.ReadModel.IdeaList;

/// <summary>An idea as open data: public fields only (no voters, no applications, no partner contacts).</summary>
public sealed record IdeaExportRow(
    string Id,
    string Title,
    string Summary,
    string Category,
    Stage Stage,
    IdeaStatus Status,
    string? StatusReason,
    int VoteCount,
    int CommentCount,
    int ChallengeCount,
    DateTimeOffset Created,
    DateTimeOffset StageEntered,
    string? Operator,
    bool WelcomesPartners,
    int AcceptedPartnerCount,
    int KpiCount);
