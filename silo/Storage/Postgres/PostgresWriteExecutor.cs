using Npgsql;

namespace LivingLab.Storage;

/// <summary>
/// Applies group-commit batches on one PostgreSQL connection. Normally a batch is a single round trip:
/// BEGIN, the event-log lock, one statement per round (state changes, their events and row changes), COMMIT.
/// </summary>
internal sealed class PostgresWriteExecutor : IWriteBatchExecutor
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IStorageFaultHooks hooks;
    private readonly List<PendingWrite> applied = [];
    private readonly HashSet<StateId> roundIds = [];
    private readonly Dictionary<StateId, PendingWrite> latestById = [];
    private readonly Dictionary<PendingWrite, long?> storedWhenRejected = [];
    private readonly List<(PendingWrite Write, PendingWrite After)> settledWithoutAsking = [];
    private NpgsqlConnection? connection;

    public PostgresWriteExecutor(NpgsqlDataSource dataSource, IStorageFaultHooks hooks)
    {
        this.dataSource = dataSource;
        this.hooks = hooks;
    }

    public void Execute(IReadOnlyList<PendingWrite> batch)
    {
        connection ??= dataSource.OpenConnection();
        applied.Clear();
        storedWhenRejected.Clear();
        settledWithoutAsking.Clear();
        var rounds = SplitIntoRounds(batch);
        if (hooks.BeforeEventAppend is { } hook)
        {
            ExecuteStepwise(connection, rounds, hook);
        }
        else
        {
            ExecuteInOneRoundTrip(connection, rounds);
        }

        foreach (var (write, after) in settledWithoutAsking)
        {
            var stored = after.Rejection is null
                ? (after.Write.Payload is null ? null : after.NewVersion)
                : storedWhenRejected[after];
            write.Rejected(VersionConflicts.Create(write.Write, stored));
        }
    }

    public void Reset()
    {
        connection?.Dispose();
        connection = null;
    }

    public void Dispose() => Reset();

    private void ExecuteInOneRoundTrip(NpgsqlConnection connection, List<List<PendingWrite>> rounds)
    {
        var appendsEvents = rounds.Exists(round => round.Exists(HasEvents));
        using var commands = new NpgsqlBatch(connection);
        commands.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        if (appendsEvents)
        {
            commands.BatchCommands.Add(new NpgsqlBatchCommand(PostgresSql.LockEventLog));
        }

        foreach (var round in rounds)
        {
            var withEvents = round.Exists(HasEvents);
            var withRows = round.Exists(HasRows);
            var command = new NpgsqlBatchCommand(PostgresSql.WriteRound(withEvents, withRows));
            PostgresParameters.AddRound(command.Parameters, round, withEvents, withRows);
            commands.BatchCommands.Add(command);
        }

        commands.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            // Statements without rows (BEGIN, COMMIT) yield no result set; the lock's comes first.
            using var reader = commands.ExecuteReader();
            if (appendsEvents)
            {
                reader.NextResult();
            }

            for (var r = 0; r < rounds.Count; r++)
            {
                if (r > 0)
                {
                    reader.NextResult();
                }

                ReadOutcomes(reader, rounds[r]);
            }

            // An error in COMMIT surfaces only once every result has been consumed.
            while (reader.NextResult())
            {
            }
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    // Used only while a test hook is installed: the hook must run between the state changes and the event append,
    // so the events go in a second statement. The state statement is the same as in the one-round-trip path, row
    // changes included: it applies only those of the writes that pass their version check, as there.
    private void ExecuteStepwise(NpgsqlConnection connection, List<List<PendingWrite>> rounds, Func<StateWrite, Task> hook)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            using (var states = new NpgsqlBatch(connection, transaction))
            {
                foreach (var round in rounds)
                {
                    var withRows = round.Exists(HasRows);
                    var command = new NpgsqlBatchCommand(PostgresSql.WriteRound(withEvents: false, withRows));
                    PostgresParameters.AddRound(command.Parameters, round, withEvents: false, withRows);
                    states.BatchCommands.Add(command);
                }

                using var reader = states.ExecuteReader();
                for (var r = 0; r < rounds.Count; r++)
                {
                    if (r > 0)
                    {
                        reader.NextResult();
                    }

                    ReadOutcomes(reader, rounds[r]);
                }
            }

            foreach (var pending in applied)
            {
                hook(pending.Write).GetAwaiter().GetResult();
            }

            if (applied.Exists(HasEvents))
            {
                using var append = new NpgsqlBatch(connection, transaction);
                append.BatchCommands.Add(new NpgsqlBatchCommand(PostgresSql.LockEventLog));
                var command = new NpgsqlBatchCommand(PostgresSql.AppendEvents);
                PostgresParameters.AddEvents(command.Parameters, applied);
                append.BatchCommands.Add(command);
                append.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch
        {
            TryRollback(transaction);
            throw;
        }
    }

    private void ReadOutcomes(NpgsqlDataReader reader, List<PendingWrite> round)
    {
        while (reader.Read())
        {
            var pending = round[(int)reader.GetInt64(0) - 1];
            if (!reader.IsDBNull(1))
            {
                pending.Applied(reader.GetInt64(1));
                applied.Add(pending);
                continue;
            }

            var stored = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
            storedWhenRejected[pending] = stored;
            pending.Rejected(VersionConflicts.Create(pending.Write, stored));
        }
    }

    // A statement sees one snapshot, so a state id may appear only once per round; a repeat starts the next round,
    // which keeps the writes to one id in their queue order.
    private List<List<PendingWrite>> SplitIntoRounds(IReadOnlyList<PendingWrite> batch)
    {
        var rounds = new List<List<PendingWrite>> { new(batch.Count) };
        roundIds.Clear();
        latestById.Clear();
        foreach (var pending in batch)
        {
            var id = pending.Write.Id;
            if (latestById.TryGetValue(id, out var previous) && CannotSucceedAfter(previous.Write, pending.Write))
            {
                settledWithoutAsking.Add((pending, previous));
                continue;
            }

            latestById[id] = pending;
            if (!roundIds.Add(id))
            {
                rounds.Add([]);
                roundIds.Clear();
                roundIds.Add(id);
            }

            rounds[^1].Add(pending);
        }

        return rounds;
    }

    // Under contention many writes in one batch carry the same expected version for one id (they all read it), and
    // giving each its own round made a batch dozens of statements long. After the previous write to that id, the
    // stored version differs from that expected version whether the previous write succeeded (it moved the version)
    // or failed (it did not match), so a later write expecting the same version is a conflict without asking.
    // A delete of a missing row is the exception: it leaves "no row" (version 0) as it found it.
    private static bool CannotSucceedAfter(StateWrite previous, StateWrite next) =>
        next.ExpectedVersion == previous.ExpectedVersion
        && !(previous.Payload is null && previous.ExpectedVersion == 0);

    private static bool HasEvents(PendingWrite pending) => pending.Write.Events.Count > 0;

    private static bool HasRows(PendingWrite pending) => pending.Write.HasRows;

    private static void TryRollback(NpgsqlTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has no transaction left to roll back; Reset replaces it.
        }
    }

    // After a failed statement the transaction is aborted but still open; ROLLBACK ends it so the connection can be
    // reused. A broken connection cannot roll back, and Reset replaces it.
    private static void TryRollback(NpgsqlConnection connection)
    {
        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            rollback.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
        }
    }
}
