using System.Data.Common;
using LivingLab.ReadModel;
using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>
/// <see cref="IStateStore"/> over one SQLite file in WAL mode with synchronous=FULL: a single writer connection
/// commits group batches, while reads use a small pool of separate connections.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IReadModelDatabase, IDataProtectionKeyDatabase, IStorageFaultHooks
{
    private static readonly MigrationDialect Dialect = new(
        CreateHistoryTable: "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT",
        InsertApplied: "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        // BEGIN IMMEDIATE already serialises migrating processes on the file's write lock.
        LockStatement: null);

    private static readonly Lazy<IReadOnlyList<Migration>> Migrations =
        new(() => MigrationRunner.Load("LivingLab.Storage.Sqlite.Migrations."));

    private readonly string connectionString;
    private readonly string pooledConnectionString;
    private readonly SqliteReadPool reads;
    private readonly GroupCommitWriter writer;
    private readonly SqliteWriteGate gate = new();
    private int disposed;

    public SqliteStateStore(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        var fullPath = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = SqliteConnections.ConnectionString(fullPath);
        pooledConnectionString = SqliteConnections.PooledConnectionString(fullPath);
        reads = new SqliteReadPool(connectionString, options.MaxPooledReaders);
        writer = new GroupCommitWriter([new SqliteWriteExecutor(connectionString, this, gate)], options.MaxBatchSize, "livinglab-sqlite-writer");
    }

    public string ProviderName => "Sqlite";

    Func<StateWrite, Task>? IStorageFaultHooks.BeforeEventAppend { get; set; }

    /// <summary>Read models share the file; their connections get the same durability pragmas and come from a pool.</summary>
    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<DbConnection>(SqliteConnections.OpenPooled(pooledConnectionString));

    DbConnection IDataProtectionKeyDatabase.OpenConnection() => SqliteConnections.Open(connectionString);

    /// <summary>Read-model writes take turns with the grain writer (see <see cref="SqliteWriteGate"/>).</summary>
    public Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default) => gate.EnterAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = SqliteConnections.Open(connectionString);
        await MigrationRunner.ApplyAsync(connection, Dialect, Migrations.Value, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredState?> ReadAsync(StateId id, CancellationToken cancellationToken = default) =>
        Run(() => reads.Use(session => session.ReadState(id)), cancellationToken);

    public Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default) =>
        writer.EnqueueAsync(write, cancellationToken);

    public Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string grainType, string grainKey, string set, CancellationToken cancellationToken = default) =>
        Run(() => reads.Use(session => session.ReadRows(grainType, grainKey, set)), cancellationToken);

    public Task<GrainRow?> ReadRowAsync(string grainType, string grainKey, string set, string member, CancellationToken cancellationToken = default) =>
        Run(() => reads.Use(session => session.ReadRow(grainType, grainKey, set, member)), cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return Run(() => reads.Use(session => session.ReadEvents(afterPosition, maxCount)), cancellationToken);
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(reads.Use(session => session.Ping()));
        }
        catch (Exception e) when (e is SqliteException or IOException or ObjectDisposedException)
        {
            return Task.FromResult(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writer.DisposeAsync().ConfigureAwait(false);
        reads.Dispose();
        using var pooled = new SqliteConnection(pooledConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    // SQLite calls are synchronous and short (WAL reads never wait for the writer), so they run inline
    // rather than paying for a thread-pool hop; the result is wrapped to honour the async contract.
    private static Task<T> Run<T>(Func<T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
