using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel.Notifications;

/// <summary>
/// Reads a person's notifications, their own challenges and what they follow. Private to that person: pages and
/// endpoints pass the signed-in person's id, never one from the request. Follows the event log a moment behind; after
/// a write that must show, call <see cref="ProjectionRunner.CatchUpAsync"/> first.
/// </summary>
public sealed class NotificationQueries(IReadModelDatabase database)
{
    /// <summary>The most a page of notifications holds.</summary>
    public const int MaxPageSize = 100;

    private const string ItemColumns =
        "a.item_kind, a.item_id, COALESCE(c.title, i.title), COALESCE(c.status, i.status), COALESCE(c.stage, i.stage), "
        + "COALESCE(c.support_count, i.vote_count), a.since";

    private const string ItemJoins =
        "LEFT JOIN challenge_list c ON a.item_kind = 'challenge' AND c.id = a.item_id "
        + "LEFT JOIN idea_list i ON a.item_kind = 'idea' AND i.id = a.item_id";

    /// <summary>How many of the person's notifications are unread.</summary>
    public async Task<int> UnreadCountAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT COUNT(*) FROM notifications WHERE person_id = @person AND NOT is_read")
            .With("person", personId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The unread counts of several people at once (everyone asked for is in the answer, with 0 when nothing is unread).</summary>
    public async Task<IReadOnlyDictionary<string, int>> UnreadCountsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken = default)
    {
        var counts = personIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        if (counts.Count == 0)
        {
            return counts;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in counts.Keys.ToArray().Chunk(200))
        {
            var names = chunk.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            await using var command = DbCommands.Create(connection, null,
                $"SELECT person_id, COUNT(*) FROM notifications WHERE person_id IN ({string.Join(", ", names)}) AND NOT is_read GROUP BY person_id");
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With(names[i][1..], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    /// <summary>A page of the person's notifications, newest first.</summary>
    public async Task<NotificationPage> PageAsync(string personId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        int total, unread;
        long newest;
        await using (var summary = DbCommands.Create(connection, null,
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN is_read THEN 0 ELSE 1 END), 0), COALESCE(MAX(position), 0) FROM notifications WHERE person_id = @person")
            .With("person", personId))
        await using (var reader = await summary.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            total = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            unread = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            newest = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        }

        var items = new List<NotificationItem>();
        await using (var command = DbCommands.Create(connection, null,
            "SELECT n.position, n.item_kind, n.item_id, COALESCE(c.title, i.title, w.title), n.kind, n.actor_id, n.occurred_at, n.is_read, n.data, "
            + "CASE WHEN EXISTS (SELECT 1 FROM notification_mutes m WHERE m.person_id = n.person_id AND m.item_kind = n.item_kind AND m.item_id = n.item_id) "
            + "THEN 1 ELSE 0 END "
            + "FROM notifications n "
            + "LEFT JOIN challenge_list c ON n.item_kind = 'challenge' AND c.id = n.item_id "
            + "LEFT JOIN idea_list i ON n.item_kind = 'idea' AND i.id = n.item_id "
            + "LEFT JOIN workshop_list w ON n.item_kind = 'workshop' AND w.id = n.item_id "
            + "WHERE n.person_id = @person ORDER BY n.position DESC LIMIT @limit OFFSET @offset")
            .With("person", personId).With("limit", pageSize).With("offset", (long)(page - 1) * pageSize))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                using var data = JsonDocument.Parse(reader.GetString(8));
                items.Add(new NotificationItem(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    ReadModelSql.ReadNullableString(reader, 3),
                    reader.GetString(4),
                    ReadModelSql.ReadNullableString(reader, 5),
                    ReadModelSql.ReadTime(reader, 6),
                    reader.GetBoolean(7),
                    Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture) == 1,
                    data.RootElement.Clone()));
            }
        }

        return new NotificationPage(items, total, unread, newest);
    }

    /// <summary>The challenges the person posted (for a proxy entry: the staff member who entered it), newest first.</summary>
    public Task<IReadOnlyList<PersonalItem>> AuthoredChallengesAsync(string personId, int limit, CancellationToken cancellationToken = default) =>
        ItemsAsync(personId, AudienceRoles.Author, ItemKinds.Challenge, limit, cancellationToken);

    /// <summary>The challenges and ideas the person follows, most recently followed first.</summary>
    public Task<IReadOnlyList<PersonalItem>> FollowingAsync(string personId, int limit, CancellationToken cancellationToken = default) =>
        ItemsAsync(personId, AudienceRoles.Follower, null, limit, cancellationToken);

    private async Task<IReadOnlyList<PersonalItem>> ItemsAsync(string personId, string role, string? kind, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // An item not in its list yet (projected a moment later) is left out rather than shown without a title.
        await using var command = DbCommands.Create(connection, null,
            $"SELECT {ItemColumns} FROM notification_audience a {ItemJoins} "
            + "WHERE a.person_id = @person AND a.role = @role" + (kind is null ? "" : " AND a.item_kind = @kind")
            + " AND COALESCE(c.title, i.title) IS NOT NULL ORDER BY a.since DESC, a.item_id LIMIT @limit")
            .With("person", personId).With("role", role).With("limit", limit);
        if (kind is not null)
        {
            command.With("kind", kind);
        }

        var items = new List<PersonalItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new PersonalItem(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                WireValues.Stage(reader, 4),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                ReadModelSql.ReadTime(reader, 6)));
        }

        return items;
    }
}

/// <summary>
/// One notification. <see cref="Id"/> is the position of the event it tells of; <see cref="ItemTitle"/> is the item's
/// title as the lists hold it now (null if the item is not listed); <see cref="Data"/> holds what
/// <see cref="NotificationKinds"/> describes for its <see cref="Kind"/>.
/// </summary>
public sealed record NotificationItem(
    long Id, string ItemKind, string ItemId, string? ItemTitle, string Kind, string? ActorId, DateTimeOffset OccurredAt, bool IsRead, bool Muted,
    JsonElement Data);

/// <summary>A page of notifications, with the person's totals and the newest id (for "mark all as read").</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Unread, long NewestId);

/// <summary>
/// A challenge or an idea on a person's own page: where it stands now (status wire name and stage as the lists hold
/// them), its support or vote count, and since when the person is its author or follower.
/// </summary>
public sealed record PersonalItem(string Kind, string Id, string Title, string Status, Stage Stage, int Count, DateTimeOffset Since);
