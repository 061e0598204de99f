using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LivingLab.Ideas;

namespace LivingLab.ReadModel.Timeline;

/// <summary>
/// Reads the public timelines, oldest first. A challenge's timeline holds its own steps and every stage move and
/// closing of the idea it is linked to (its whole history, since that is where the challenge stands and why).
/// </summary>
public sealed class TimelineQueries(IReadModelDatabase database)
{
    private const string Columns = "item_kind, item_id, event_type, actor_id, occurred_at, payload, position";

    /// <summary>A page of a challenge's timeline, or null when the challenge is not in the list (unknown, or not projected yet).</summary>
    public async Task<ListResult<TimelineEntry>?> ForChallengeAsync(string challengeId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (exists, ideaId) = await FindChallengeAsync(connection, challengeId, cancellationToken);
        if (!exists)
        {
            return null;
        }

        if (ideaId is null)
        {
            return await OwnAsync(connection, ItemKinds.Challenge, challengeId, page, pageSize, cancellationToken);
        }

        const string own = "item_kind = @kind AND item_id = @id";
        const string idea = "item_kind = @ideaKind AND item_id = @idea AND event_type IN (@advanced, @closed)";
        return await PageAsync(connection, $"SELECT {Columns} FROM timeline WHERE {own} UNION ALL SELECT {Columns} FROM timeline WHERE {idea}",
            $"SELECT (SELECT COUNT(*) FROM timeline WHERE {own}) + (SELECT COUNT(*) FROM timeline WHERE {idea})",
            page, pageSize, cancellationToken,
            ("kind", ItemKinds.Challenge), ("id", challengeId), ("ideaKind", ItemKinds.Idea), ("idea", ideaId),
            ("advanced", IdeaEvents.Advanced), ("closed", IdeaEvents.Closed));
    }

    /// <summary>A page of an idea's timeline, or null when the idea is not in the list.</summary>
    public async Task<ListResult<TimelineEntry>?> ForIdeaAsync(string ideaId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var find = DbCommands.Create(connection, null, "SELECT 1 FROM idea_list WHERE id = @id").With("id", ideaId))
        {
            if (await find.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        return await OwnAsync(connection, ItemKinds.Idea, ideaId, page, pageSize, cancellationToken);
    }

    private static async Task<(bool Exists, string? IdeaId)> FindChallengeAsync(DbConnection connection, string challengeId, CancellationToken cancellationToken)
    {
        await using var find = DbCommands.Create(connection, null, "SELECT idea_id FROM challenge_list WHERE id = @id").With("id", challengeId);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, ReadModelSql.ReadNullableString(reader, 0)) : (false, null);
    }

    private static Task<ListResult<TimelineEntry>> OwnAsync(
        DbConnection connection, string kind, string id, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(connection, $"SELECT {Columns} FROM timeline WHERE item_kind = @kind AND item_id = @id",
            "SELECT COUNT(*) FROM timeline WHERE item_kind = @kind AND item_id = @id",
            page, pageSize, cancellationToken, ("kind", kind), ("id", id));

    private static async Task<ListResult<TimelineEntry>> PageAsync(
        DbConnection connection, string rowsSql, string countSql, int page, int pageSize, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        int total;
        await using (var count = Command(connection, countSql, parameters))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<TimelineEntry>();
        var offset = (long)(page - 1) * pageSize;
        if (offset >= total)
        {
            return new ListResult<TimelineEntry>(items, total);
        }

        await using var select = Command(connection, $"{rowsSql} ORDER BY position LIMIT @limit OFFSET @offset", parameters)
            .With("limit", (long)pageSize).With("offset", offset);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var payload = JsonDocument.Parse(reader.GetString(5));
            items.Add(new TimelineEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                ReadModelSql.ReadNullableString(reader, 3),
                ReadModelSql.ReadTime(reader, 4),
                payload.RootElement.Clone()));
        }

        return new ListResult<TimelineEntry>(items, total);
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters) =>
        DbCommands.Create(connection, null, sql, parameters);
}
