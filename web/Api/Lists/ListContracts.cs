using System.Text.Json;
using LivingLab.Challenges;
using LivingLab.Pipeline;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.ReadModel.Timeline;

namespace LivingLab.Web.Api.Lists;

/// <summary>A challenge in <c>GET /api/challenges</c>: stage and status as wire names, supporters as a count.</summary>
public sealed record ChallengeListItemResponse(
    string Id,
    string Title,
    string Category,
    string Status,
    string Stage,
    string? IdeaId,
    int SupportCount,
    int CommentCount,
    DateTimeOffset CreatedAt,
    string? ProxyChannel,
    string? PlaceText)
{
    internal static ChallengeListItemResponse From(ChallengeListItem item) => new(
        item.Id, item.Title, item.Category, ChallengeWireNames.Format(item.Status), StageWireNames.Format(item.Stage), item.IdeaId,
        item.SupportCount, item.CommentCount, item.Created, item.ProxyChannel is { } channel ? ChallengeWireNames.Format(channel) : null,
        item.PlaceText);
}

/// <summary>An idea in <c>GET /api/ideas</c>: stage and status as wire names, votes as a count.</summary>
public sealed record IdeaListItemResponse(
    string Id,
    string Title,
    string Category,
    string Stage,
    string Status,
    int VoteCount,
    int CommentCount,
    int ChallengeCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageEnteredAt,
    string? Operator,
    bool WelcomesPartners,
    int AcceptedPartnerCount,
    int KpiCount)
{
    internal static IdeaListItemResponse From(IdeaListItem item) => new(
        item.Id, item.Title, item.Category, StageWireNames.Format(item.Stage), IdeaStatusWireNames.Format(item.Status), item.VoteCount,
        item.CommentCount, item.ChallengeCount, item.Created, item.StageEntered, item.Operator, item.WelcomesPartners,
        item.AcceptedPartnerCount, item.KpiCount);
}

/// <summary>
/// One public step of a timeline: the item it happened to (<c>challenge</c> or <c>idea</c>), its type in camelCase
/// (<c>challengeSubmitted</c>, <c>ideaAdvanced</c>, …), who (a person id) and when, and the event's public data.
/// </summary>
public sealed record TimelineEntryResponse(string ItemKind, string ItemId, string Type, string? ActorId, DateTimeOffset OccurredAt, JsonElement Data)
{
    internal static TimelineEntryResponse From(TimelineEntry entry) => new(
        entry.ItemKind, entry.ItemId, JsonNamingPolicy.CamelCase.ConvertName(entry.EventType), entry.ActorId, entry.OccurredAt, entry.Data);
}

/// <summary>The pipeline statistics of <c>GET /api/stats/pipeline</c>.</summary>
public sealed record PipelineStatsResponse(IReadOnlyList<StageStatsResponse> Stages, int RolledOut, int Ideas)
{
    internal static PipelineStatsResponse From(PipelineReport report) => new(
        [.. report.Stages.Select(s => new StageStatsResponse(StageWireNames.Format(s.Stage), s.Open, s.Declined, s.OnHold, s.MedianDays, s.MedianBasedOn))],
        report.RolledOut,
        report.Ideas);
}

/// <summary>
/// One stage: ideas in it by status, and the median days ideas spent in it before moving on, with the number of stays
/// the median is based on (<c>medianDays</c> is null when no idea has left the stage yet).
/// </summary>
public sealed record StageStatsResponse(string Stage, int Open, int Declined, int OnHold, double? MedianDays, int MedianBasedOn);

/// <summary>A challenge in the open-data export (JSON and CSV have the same fields).</summary>
public sealed record ChallengeExportItem(
    string Id,
    string Title,
    string Body,
    string Category,
    string Status,
    string Stage,
    string? IdeaId,
    int SupportCount,
    int CommentCount,
    DateTimeOffset CreatedAt,
    string? ProxyChannel,
    string? PlaceText,
    double? Latitude,
    double? Longitude,
    string? MergedIntoId,
    string? DeclineReason)
{
    internal static ChallengeExportItem From(ChallengeExportRow row) => new(
        row.Id, row.Title, row.Body, row.Category, ChallengeWireNames.Format(row.Status), StageWireNames.Format(row.Stage), row.IdeaId,
        row.SupportCount, row.CommentCount, row.Created, row.ProxyChannel is { } channel ? ChallengeWireNames.Format(channel) : null,
        row.PlaceText, row.Latitude, row.Longitude, row.MergedIntoId, row.DeclineReason);
}

/// <summary>An idea in the open-data export (JSON and CSV have the same fields).</summary>
public sealed record IdeaExportItem(
    string Id,
    string Title,
    string Summary,
    string Category,
    string Stage,
    string Status,
    string? StatusReason,
    int VoteCount,
    int CommentCount,
    int ChallengeCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageEnteredAt,
    string? Operator,
    bool WelcomesPartners,
    int AcceptedPartnerCount,
    int KpiCount)
{
    internal static IdeaExportItem From(IdeaExportRow row) => new(
        row.Id, row.Title, row.Summary, row.Category, StageWireNames.Format(row.Stage), IdeaStatusWireNames.Format(row.Status), row.StatusReason,
        row.VoteCount, row.CommentCount, row.ChallengeCount, row.Created, row.StageEntered, row.Operator, row.WelcomesPartners,
        row.AcceptedPartnerCount, row.KpiCount);
}
