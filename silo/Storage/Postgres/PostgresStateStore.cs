using System.Data.Common;
using LivingLab.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace LivingLab.Storage;

/// <summary>
/// <see cref="IStateStore"/> over PostgreSQL with the server's default durability (fsync, synchronous_commit on):
/// one writer connection commits group batches, reads use the data source's connection pool.
/// </summary>
public sealed class PostgresStateStore : IStateStore, IReadModelDatabase, IDataProtectionKeyDatabase, IStorageFaultHooks
{
    // Any constant no other user of the database picks: "LLPROJ" in ASCII.
    private const long ProjectionLockKey = 0x4C4C50524F4A;

    private static readonly MigrationDialect Dialect = new(
        CreateHistoryTable: "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)",
        InsertApplied: "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, now())",
        LockStatement: PostgresSql.LockMigrations);

    private static readonly Lazy<IReadOnlyList<Migration>> Migrations =
        new(() => MigrationRunner.Load("LivingLab.Storage.Postgres.Migrations."));

    private readonly NpgsqlDataSource dataSource;
    private readonly GroupCommitWriter writer;
    private int disposed;

    public PostgresStateStore(PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The write and read statements repeat endlessly; server-side prepared plans save parsing and planning each time.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        dataSource = builder.Build();
        var lanes = Enumerable.Range(0, options.WriterConnections)
            .Select(_ => (IWriteBatchExecutor)new PostgresWriteExecutor(dataSource, this))
            .ToArray();
        writer = new GroupCommitWriter(lanes, options.MaxBatchSize, "livinglab-postgres-writer");
    }

    public string ProviderName => "Postgres";

    Func<StateWrite, Task>? IStorageFaultHooks.BeforeEventAppend { get; set; }

    /// <summary>Read models share the database and its connection pool.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    DbConnection IDataProtectionKeyDatabase.OpenConnection() => dataSource.OpenConnection();

    /// <summary>An advisory lock held to the end of the transaction: one projection batch at a time on this database, whichever node runs it.</summary>
    public async Task LockProjectionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ProjectionLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await MigrationRunner.ApplyAsync(connection, Dialect, Migrations.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredState?> ReadAsync(StateId id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT payload, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        PostgresParameters.AddId(command.Parameters, id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredState(reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    public Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default) =>
        writer.EnqueueAsync(write, cancellationToken);

    public async Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string grainType, string grainKey, string set, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT member, payload FROM grain_rows WHERE grain_type = $1 AND grain_key = $2 AND set_name = $3 ORDER BY member");
        AddRowKey(command, grainType, grainKey, set);
        var rows = new List<GrainRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new GrainRow(reader.GetString(0), reader.GetString(1)));
        }

        return RowOrder.Ordinal(rows);
    }

    public async Task<GrainRow?> ReadRowAsync(string grainType, string grainKey, string set, string member, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT member, payload FROM grain_rows WHERE grain_type = $1 AND grain_key = $2 AND set_name = $3 AND member = $4");
        AddRowKey(command, grainType, grainKey, set);
        PostgresParameters.AddText(command.Parameters, member);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new GrainRow(reader.GetString(0), reader.GetString(1))
            : null;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var command = dataSource.CreateCommand(
            "SELECT position, grain_type, grain_key, event_type, payload, actor_id, occurred_at FROM events "
            + "WHERE position > $1 ORDER BY position LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxCount, NpgsqlDbType = NpgsqlDbType.Bigint });
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return events;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int one && one == 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writer.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static void AddRowKey(NpgsqlCommand command, string grainType, string grainKey, string set)
    {
        PostgresParameters.AddText(command.Parameters, grainType);
        PostgresParameters.AddText(command.Parameters, grainKey);
        PostgresParameters.AddText(command.Parameters, set);
    }
}
