using System.Text.Json;

namespace LivingLab.ReadModel.Timeline;

/// <summary>
/// One public step in an item's history: which item (a challenge's timeline also holds its idea's stage moves), the
/// event type (e.g. "IdeaAdvanced"), who and when, and the event's public payload (camelCase JSON, wire names).
/// </summary>
public sealed record TimelineEntry(string ItemKind, string ItemId, string EventType, string? ActorId, DateTimeOffset OccurredAt, JsonElement Data);
