using System.Data.Common;
using System.Runtime.CompilerServices;
using LivingLab.Pipeline;
using LivingLab.Workshops;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>
/// Reads workshop_list: upcoming or past workshops, by stage and status, a page at a time. Follows the event log a
/// moment behind, as every list does.
/// </summary>
public sealed class WorkshopQueries(IReadModelDatabase database)
{
    private const string Columns =
        "w.id, w.title, w.stage, w.status, w.starts_at, w.ends_at, w.place, w.online_url, w.capacity, w.registered_count, "
        + "w.waiting_count, w.guests_allowed, w.has_poll, w.created_at";

    /// <summary>One page of workshops.</summary>
    public async Task<ListResult<WorkshopListItem>> ListAsync(WorkshopListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var now = ReadModelSql.Time(connection, query.Now);
        var sql = new ListQuerySql("workshop_list", "w")
            .WhereEquals("stage", query.Stage is { } stage ? StageWireNames.Format(stage) : null)
            .WhereEquals("status", query.Status is { } status ? WorkshopStatusNames.Format(status) : null);
        string order;
        if (query.When == WorkshopWhen.Upcoming)
        {
            sql.Where("w.ends_at IS NULL OR w.ends_at >= @p", now);
            // Dated ones first, soonest first; those still looking for a date after them, newest first.
            order = "CASE WHEN w.starts_at IS NULL THEN 1 ELSE 0 END, w.starts_at, w.created_at DESC, w.id";
        }
        else
        {
            sql.Where("w.ends_at < @p", now);
            order = "w.ends_at DESC, w.id DESC";
        }

        return await sql.RunAsync(connection, Columns, order, query.Page, query.PageSize, ReadItem, cancellationToken);
    }

    /// <summary>What the workshop led to: the ideas it created, then the ideas and then the challenges it added notes to.</summary>
    public async Task<IReadOnlyList<WorkshopOutcome>> OutcomesAsync(string workshopId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null,
            "SELECT o.item_kind, o.item_id, COALESCE(i.title, c.title), COALESCE(i.stage, c.stage), COALESCE(i.status, c.status), "
            + "o.created, o.contributions, o.first_at FROM workshop_outcomes o "
            + "LEFT JOIN idea_list i ON o.item_kind = 'idea' AND i.id = o.item_id "
            + "LEFT JOIN challenge_list c ON o.item_kind = 'challenge' AND c.id = o.item_id "
            + "WHERE o.workshop_id = @workshop AND COALESCE(i.title, c.title) IS NOT NULL "
            + "ORDER BY o.created DESC, CASE WHEN o.item_kind = 'idea' THEN 0 ELSE 1 END, o.first_at, o.item_id")
            .With("workshop", workshopId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outcomes = new List<WorkshopOutcome>();
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes.Add(new WorkshopOutcome(reader.GetString(0), reader.GetString(1), reader.GetString(2), WireValues.Stage(reader, 3),
                reader.GetString(4), reader.GetBoolean(5), reader.GetInt32(6), ReadModelSql.ReadTime(reader, 7)));
        }

        return outcomes;
    }

    /// <summary>
    /// Every workshop, oldest first, for the open-data export: the public list's facts, and how many ideas it created and
    /// items it led to in all. Never who registered.
    /// </summary>
    public async IAsyncEnumerable<WorkshopExportRow> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null,
            $"SELECT {Columns}, "
            + "(SELECT COUNT(*) FROM workshop_outcomes o WHERE o.workshop_id = w.id AND o.created AND o.item_kind = 'idea'), "
            + "(SELECT COUNT(*) FROM workshop_outcomes o WHERE o.workshop_id = w.id) "
            + "FROM workshop_list w ORDER BY w.created_at, w.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new WorkshopExportRow(ReadItem(reader), Convert.ToInt32(reader.GetValue(14), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(15), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static WorkshopListItem ReadItem(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        WireValues.Stage(reader, 2),
        WorkshopStatusNames.Parse(reader.GetString(3)),
        ReadModelSql.ReadNullableTime(reader, 4),
        ReadModelSql.ReadNullableTime(reader, 5),
        reader.GetString(6),
        reader.GetString(7).Length > 0,
        reader.GetInt32(8),
        reader.GetInt32(9),
        reader.GetInt32(10),
        reader.GetBoolean(11),
        reader.GetBoolean(12),
        ReadModelSql.ReadTime(reader, 13));
}
