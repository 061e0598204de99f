using System.Data.Common;
using LivingLab.Storage;
using LivingLab.Workshops;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>workshop_list, from the workshop events: facts, date, status and the registration counts.</summary>
public sealed class WorkshopListProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "workshop-list";

    /// <summary>The grain type the runtime stores a workshop's events under.</summary>
    public static readonly string WorkshopGrainType = typeof(IWorkshopGrain).FullName!;

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (storedEvent.GrainType != WorkshopGrainType)
        {
            return;
        }

        var e = storedEvent;
        var ct = cancellationToken;
        switch (e.EventType)
        {
            case WorkshopEvents.Created:
                var created = EventPayloads.Read<WorkshopFactsEvent>(e);
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "INSERT INTO workshop_list (id, stage, status, starts_at, ends_at, capacity, registered_count, waiting_count, guests_allowed, "
                    + "has_poll, created_at, title, place, online_url, status_reason) "
                    + "VALUES (@id, @stage, @status, @starts, @ends, @capacity, 0, 0, @guests, @poll, @at, @title, @place, @online, NULL) "
                    + "ON CONFLICT (id) DO NOTHING",
                    ct, [.. Facts(connection, created), ("status", WorkshopStatusNames.Format(WorkshopStatus.Planned)), ("poll", false),
                        ("at", ReadModelSql.Time(connection, e.OccurredAt))]);
                break;

            case WorkshopEvents.Edited:
                var edited = EventPayloads.Read<WorkshopFactsEvent>(e);
                await UpdateAsync(
                    "stage = @stage, starts_at = @starts, ends_at = @ends, capacity = @capacity, guests_allowed = @guests, title = @title, "
                    + "place = @place, online_url = @online", edited.WorkshopId, connection, transaction, ct, Facts(connection, edited));
                break;

            case WorkshopEvents.Cancelled:
                var cancelled = EventPayloads.Read<WorkshopCancelledEvent>(e);
                await UpdateAsync("status = @status, status_reason = @reason", cancelled.WorkshopId, connection, transaction, ct,
                    ("status", WorkshopStatusNames.Format(WorkshopStatus.Cancelled)), ("reason", cancelled.Reason));
                break;

            case WorkshopEvents.Registered:
                var registered = EventPayloads.Read<WorkshopRegisteredEvent>(e);
                await CountsAsync(registered.WorkshopId, registered.RegisteredCount, registered.WaitingCount, connection, transaction, ct);
                break;

            case WorkshopEvents.RegistrationCancelled:
                var withdrawn = EventPayloads.Read<WorkshopRegistrationCancelledEvent>(e);
                await CountsAsync(withdrawn.WorkshopId, withdrawn.RegisteredCount, withdrawn.WaitingCount, connection, transaction, ct);
                break;

            case WorkshopEvents.Promoted:
                // Follows the event that freed the seat (or raised the capacity), whose counts are from before the promotion.
                await UpdateAsync("registered_count = registered_count + 1, waiting_count = waiting_count - 1",
                    EventPayloads.Read<WorkshopPromotedEvent>(e).WorkshopId, connection, transaction, ct);
                break;

            case WorkshopEvents.PollOpened:
                await UpdateAsync("has_poll = @poll", EventPayloads.Read<WorkshopPollOpenedEvent>(e).WorkshopId, connection, transaction, ct, ("poll", true));
                break;

            case WorkshopEvents.Scheduled:
                var scheduled = EventPayloads.Read<WorkshopScheduledEvent>(e);
                await UpdateAsync("starts_at = @starts, ends_at = @ends", scheduled.WorkshopId, connection, transaction, ct,
                    ("starts", ReadModelSql.Time(connection, scheduled.StartsAt)), ("ends", ReadModelSql.Time(connection, scheduled.EndsAt)));
                break;
        }
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM workshop_list", cancellationToken);

    private static (string, object?)[] Facts(DbConnection connection, WorkshopFactsEvent facts) =>
    [
        ("id", facts.WorkshopId),
        ("stage", facts.Stage),
        ("starts", facts.StartsAt is { } starts ? ReadModelSql.Time(connection, starts) : null),
        ("ends", facts.EndsAt is { } ends ? ReadModelSql.Time(connection, ends) : null),
        ("capacity", facts.Capacity),
        ("guests", facts.GuestsAllowed),
        ("title", facts.Title),
        ("place", facts.Place),
        ("online", facts.OnlineUrl),
    ];

    private static Task CountsAsync(string workshopId, int registered, int waiting, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        UpdateAsync("registered_count = @registered, waiting_count = @waiting", workshopId, connection, transaction, ct,
            ("registered", registered), ("waiting", waiting));

    private static Task UpdateAsync(
        string assignments, string workshopId, DbConnection connection, DbTransaction transaction, CancellationToken ct, params (string, object?)[] parameters) =>
        ReadModelSql.ExecuteAsync(connection, transaction, $"UPDATE workshop_list SET {assignments} WHERE id = @id",
            ct, [.. parameters.Where(p => p.Item1 != "id"), ("id", workshopId)]);
}
