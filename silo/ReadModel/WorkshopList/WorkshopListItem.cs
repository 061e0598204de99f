using LivingLab.Pipeline;
using LivingLab.Workshops;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>A workshop as the public list shows it; the times are null while the date is open.</summary>
public sealed record WorkshopListItem(
    string Id,
    string Title,
    Stage Stage,
    WorkshopStatus Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string Place,
    bool Online,
    int Capacity,
    int RegisteredCount,
    int WaitingCount,
    bool GuestsAllowed,
    bool HasPoll,
    DateTimeOffset Created);
