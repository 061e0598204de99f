using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>An open side connection with its prepared read statements; lives in <see cref="SqliteReadPool"/> between uses.</summary>
internal sealed class SqliteReadSession : IDisposable
{
    private readonly SqliteConnection connection;
    private SqliteCommand? readState;
    private SqliteCommand? readEvents;
    private SqliteCommand? readRows;
    private SqliteCommand? readRow;

    public SqliteReadSession(string connectionString)
    {
        connection = SqliteConnections.Open(connectionString);
    }

    public StoredState? ReadState(StateId id)
    {
        readState ??= Create("SELECT payload, version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
            "$type", "$key", "$name");
        readState.Parameters[0].Value = id.GrainType;
        readState.Parameters[1].Value = id.GrainKey;
        readState.Parameters[2].Value = id.StateName;
        using var reader = readState.ExecuteReader();
        return reader.Read() ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public IReadOnlyList<GrainRow> ReadRows(string grainType, string grainKey, string set)
    {
        readRows ??= Create(
            "SELECT member, payload FROM grain_rows WHERE grain_type = $type AND grain_key = $key AND set_name = $set ORDER BY member",
            "$type", "$key", "$set");
        readRows.Parameters[0].Value = grainType;
        readRows.Parameters[1].Value = grainKey;
        readRows.Parameters[2].Value = set;
        var rows = new List<GrainRow>();
        using var reader = readRows.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new GrainRow(reader.GetString(0), reader.GetString(1)));
        }

        return RowOrder.Ordinal(rows);
    }

    public GrainRow? ReadRow(string grainType, string grainKey, string set, string member)
    {
        readRow ??= Create(
            "SELECT member, payload FROM grain_rows WHERE grain_type = $type AND grain_key = $key AND set_name = $set AND member = $member",
            "$type", "$key", "$set", "$member");
        readRow.Parameters[0].Value = grainType;
        readRow.Parameters[1].Value = grainKey;
        readRow.Parameters[2].Value = set;
        readRow.Parameters[3].Value = member;
        using var reader = readRow.ExecuteReader();
        return reader.Read() ? new GrainRow(reader.GetString(0), reader.GetString(1)) : null;
    }

    public IReadOnlyList<StoredEvent> ReadEvents(long afterPosition, int maxCount)
    {
        readEvents ??= Create(
            "SELECT position, grain_type, grain_key, event_type, payload, actor_id, occurred_at FROM events "
            + "WHERE position > $after ORDER BY position LIMIT $max",
            "$after", "$max");
        readEvents.Parameters[0].Value = afterPosition;
        readEvents.Parameters[1].Value = maxCount;
        var events = new List<StoredEvent>();
        using var reader = readEvents.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                SqliteTime.FromText(reader.GetString(6))));
        }

        return events;
    }


    public bool Ping()
    {
        using var command = Create("SELECT 1");
        return command.ExecuteScalar() is long one && one == 1;
    }

    public void Dispose()
    {
        readState?.Dispose();
        readEvents?.Dispose();
        readRows?.Dispose();
        readRow?.Dispose();
        connection.Dispose();
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
