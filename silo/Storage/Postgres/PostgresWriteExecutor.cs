using Npgsql;

namespace LivingLab.Storage;

/// <summary>
/// Applies group-commit batches on one PostgreSQL connection: one round trip for all state changes, one for all
/// events (under the event-log lock), then COMMIT.
/// </summary>
internal sealed class PostgresWriteExecutor : IWriteBatchExecutor
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IStorageFaultHooks hooks;
    private readonly List<PendingWrite> applied = [];
    private readonly List<PendingWrite> conflicts = [];
    private readonly HashSet<StateId> roundIds = [];
    private readonly Dictionary<StateId, PendingWrite> latestById = [];
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
        conflicts.Clear();
        using var transaction = connection.BeginTransaction();
        try
        {
            ApplyStates(connection, transaction, batch);
            if (hooks.BeforeEventAppend is { } hook)
            {
                foreach (var pending in applied)
                {
                    hook(pending.Write).GetAwaiter().GetResult();
                }
            }

            AppendEvents(connection, transaction);
            DescribeConflicts(connection, transaction);
            transaction.Commit();
        }
        catch
        {
            TryRollback(transaction);
            throw;
        }
    }

    public void Reset()
    {
        connection?.Dispose();
        connection = null;
    }

    public void Dispose() => Reset();

    private void ApplyStates(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingWrite> batch)
    {
        var rounds = SplitIntoRounds(batch);
        using var commands = new NpgsqlBatch(connection, transaction);
        foreach (var round in rounds)
        {
            var command = new NpgsqlBatchCommand(PostgresSql.WriteRound);
            PostgresParameters.AddRound(command.Parameters, round);
            commands.BatchCommands.Add(command);
        }

        using var reader = commands.ExecuteReader();
        for (var r = 0; r < rounds.Count; r++)
        {
            if (r > 0)
            {
                reader.NextResult();
            }

            ReadOutcomes(reader, rounds[r]);
        }
    }

    private void ReadOutcomes(NpgsqlDataReader reader, List<PendingWrite> round)
    {
        var matched = new bool[round.Count];
        while (reader.Read())
        {
            var index = (int)reader.GetInt64(0) - 1;
            matched[index] = true;
            round[index].Applied(reader.GetInt64(1));
        }

        for (var i = 0; i < round.Count; i++)
        {
            (matched[i] ? applied : conflicts).Add(round[i]);
        }
    }

    // The lock is taken only now, after the state changes: the next batch (on another lane) can apply its state
    // changes while this one appends and commits, yet positions still become visible in order.
    private void AppendEvents(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (!applied.Exists(pending => pending.Write.Events.Count > 0))
        {
            return;
        }

        using var commands = new NpgsqlBatch(connection, transaction);
        commands.BatchCommands.Add(new NpgsqlBatchCommand(PostgresSql.LockEventLog));
        var append = new NpgsqlBatchCommand(PostgresSql.AppendEvents);
        PostgresParameters.AddEvents(append.Parameters, applied);
        commands.BatchCommands.Add(append);
        commands.ExecuteNonQuery();
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
                conflicts.Add(pending);
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

    // Conflicts are rare, so reading the stored versions for the messages costs a round trip only when there are some.
    private void DescribeConflicts(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        var ids = conflicts.Select(pending => pending.Write.Id).Distinct().ToList();
        var stored = new Dictionary<StateId, long?>(ids.Count);
        using (var reads = new NpgsqlBatch(connection, transaction))
        {
            foreach (var id in ids)
            {
                var command = new NpgsqlBatchCommand(PostgresSql.ReadVersion);
                PostgresParameters.AddId(command.Parameters, id);
                reads.BatchCommands.Add(command);
            }

            using var reader = reads.ExecuteReader();
            for (var i = 0; i < ids.Count; i++)
            {
                if (i > 0)
                {
                    reader.NextResult();
                }

                stored[ids[i]] = reader.Read() ? reader.GetInt64(0) : null;
            }
        }

        foreach (var pending in conflicts)
        {
            pending.Rejected(VersionConflicts.Create(pending.Write, stored[pending.Write.Id]));
        }
    }

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
}
