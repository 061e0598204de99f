using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>The writer's prepared statements, created once per connection and reused for every write.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand insertState;
    private readonly SqliteCommand updateState;
    private readonly SqliteCommand deleteState;
    private readonly SqliteCommand readVersion;
    private readonly SqliteCommand appendEvent;
    private readonly SqliteCommand upsertRow;
    private readonly SqliteCommand deleteRow;
    private readonly SqliteCommand[] all;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        // ON CONFLICT DO NOTHING turns "row already exists" into 0 changes instead of an error that would abort the batch.
        insertState = Create(connection,
            "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) "
            + "VALUES ($type, $key, $name, $payload, 1, $now) ON CONFLICT DO NOTHING",
            "$type", "$key", "$name", "$payload", "$now");
        updateState = Create(connection,
            "UPDATE grain_state SET payload = $payload, version = version + 1, updated_at = $now "
            + "WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND version = $expected",
            "$type", "$key", "$name", "$payload", "$now", "$expected");
        deleteState = Create(connection,
            "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND version = $expected",
            "$type", "$key", "$name", "$expected");
        readVersion = Create(connection,
            "SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
            "$type", "$key", "$name");
        appendEvent = Create(connection,
            "INSERT INTO events (grain_type, grain_key, event_type, payload, actor_id, occurred_at) "
            + "VALUES ($type, $key, $event_type, $payload, $actor, $occurred)",
            "$type", "$key", "$event_type", "$payload", "$actor", "$occurred");
        upsertRow = Create(connection,
            "INSERT INTO grain_rows (grain_type, grain_key, set_name, member, payload) VALUES ($type, $key, $set, $member, $payload) "
            + "ON CONFLICT (grain_type, grain_key, set_name, member) DO UPDATE SET payload = excluded.payload",
            "$type", "$key", "$set", "$member", "$payload");
        deleteRow = Create(connection,
            "DELETE FROM grain_rows WHERE grain_type = $type AND grain_key = $key AND set_name = $set AND member = $member",
            "$type", "$key", "$set", "$member");
        all = [insertState, updateState, deleteState, readVersion, appendEvent, upsertRow, deleteRow];
        foreach (var command in all)
        {
            command.Prepare();
        }
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Applies the state change; false when the stored version is not the expected one.</summary>
    public bool TryApplyState(StateWrite write, string now, out long newVersion)
    {
        var id = write.Id;
        if (write.Payload is { } payload)
        {
            if (write.ExpectedVersion == 0)
            {
                newVersion = 1;
                return Execute(insertState, id.GrainType, id.GrainKey, id.StateName, payload, now) == 1;
            }

            newVersion = write.ExpectedVersion + 1;
            return Execute(updateState, id.GrainType, id.GrainKey, id.StateName, payload, now, write.ExpectedVersion) == 1;
        }

        newVersion = 0;
        if (write.ExpectedVersion == 0)
        {
            // Deleting what must not exist is a no-op that still records its events.
            return ReadVersion(id) is null;
        }

        return Execute(deleteState, id.GrainType, id.GrainKey, id.StateName, write.ExpectedVersion) == 1;
    }

    public long? ReadVersion(StateId id)
    {
        SetValues(readVersion, id.GrainType, id.GrainKey, id.StateName);
        return readVersion.ExecuteScalar() is long version ? version : null;
    }

    public void AppendEvent(StateId id, EventData data)
    {
        Execute(appendEvent, id.GrainType, id.GrainKey, data.EventType, data.Payload,
            (object?)data.ActorId ?? DBNull.Value, SqliteTime.ToText(data.OccurredAt));
    }

    public void ApplyRow(StateId id, RowChange change)
    {
        if (change.Payload is { } payload)
        {
            Execute(upsertRow, id.GrainType, id.GrainKey, change.Set, change.Member, payload);
        }
        else
        {
            Execute(deleteRow, id.GrainType, id.GrainKey, change.Set, change.Member);
        }
    }

    public void Dispose()
    {
        foreach (var command in all)
        {
            command.Dispose();
        }
    }

    private static int Execute(SqliteCommand command, params object[] values)
    {
        SetValues(command, values);
        return command.ExecuteNonQuery();
    }

    private static void SetValues(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
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
