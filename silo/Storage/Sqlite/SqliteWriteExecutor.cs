using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>Applies group-commit batches on the single SQLite writer connection.</summary>
internal sealed class SqliteWriteExecutor : IWriteBatchExecutor
{
    private readonly string connectionString;
    private readonly IStorageFaultHooks hooks;
    private readonly SqliteWriteGate gate;
    private SqliteConnection? connection;
    private SqliteWriteCommands? commands;

    public SqliteWriteExecutor(string connectionString, IStorageFaultHooks hooks, SqliteWriteGate gate)
    {
        this.connectionString = connectionString;
        this.hooks = hooks;
        this.gate = gate;
    }

    public void Execute(IReadOnlyList<PendingWrite> batch)
    {
        connection ??= SqliteConnections.Open(connectionString);
        // Prepared lazily: the tables may not exist until MigrateAsync has run.
        commands ??= new SqliteWriteCommands(connection);

        using var turn = gate.Enter();
        using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            commands.Enlist(transaction);
            var now = SqliteTime.ToText(DateTimeOffset.UtcNow);
            var hook = hooks.BeforeEventAppend;
            foreach (var pending in batch)
            {
                Apply(commands, pending, now, hook);
            }

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
        commands?.Dispose();
        commands = null;
        connection?.Dispose();
        connection = null;
    }

    public void Dispose() => Reset();

    private static void Apply(SqliteWriteCommands commands, PendingWrite pending, string now, Func<StateWrite, Task>? hook)
    {
        var write = pending.Write;
        if (!commands.TryApplyState(write, now, out var newVersion))
        {
            // Nothing of this write was applied, so the rest of the batch can still commit.
            pending.Rejected(VersionConflicts.Create(write, commands.ReadVersion(write.Id)));
            return;
        }

        if (write.Rows is { Count: > 0 } rows)
        {
            foreach (var change in rows)
            {
                commands.ApplyRow(write.Id, change);
            }
        }

        hook?.Invoke(write).GetAwaiter().GetResult();

        foreach (var data in write.Events)
        {
            commands.AppendEvent(write.Id, data);
        }

        pending.Applied(newVersion);
    }

    private static void TryRollback(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back on its own (e.g. after an I/O error); the connection is reset next.
        }
    }
}
