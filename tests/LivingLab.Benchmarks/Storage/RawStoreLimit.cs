using System.Diagnostics;
using LivingLab.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace LivingLab.Benchmarks.Storage;

/// <summary>
/// The ceiling the store itself allows: plain batched INSERTs of small rows into a scratch table in the same database,
/// one commit per batch, with the same durability settings as the storage. Compare with <see cref="DurableWriteBenchmark"/>.
/// </summary>
public static class RawStoreLimit
{
    private const string Row = """{"title":"駐輪場の横にベンチを","status":"review","supporters":42,"tags":["park","bench"]}""";

    /// <summary>Measures a SQLite file (WAL, synchronous=FULL, as the storage opens it).</summary>
    public static Task<RawStoreLimitReport> MeasureSqliteAsync(string path, TimeSpan duration, int batchSize = 64) => Task.Run(() =>
    {
        using var connection = SqliteConnections.Open(SqliteConnections.ConnectionString(Path.GetFullPath(path)));
        Execute(connection, "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw (payload) VALUES ($payload)";
        insert.Parameters.AddWithValue("$payload", Row);
        insert.Prepare();

        var rows = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = 0; i < batchSize; i++)
            {
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            rows += batchSize;
        }

        var elapsed = clock.Elapsed;
        Execute(connection, "DROP TABLE bench_raw");
        return new RawStoreLimitReport("Sqlite", batchSize, elapsed, rows, rows / elapsed.TotalSeconds);
    });

    /// <summary>Measures a PostgreSQL database (server defaults: fsync and synchronous_commit on), one round trip per batch.</summary>
    public static async Task<RawStoreLimitReport> MeasurePostgresAsync(string connectionString, TimeSpan duration, int batchSize = 64)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 8 });
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var rows = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            for (var i = 0; i < batchSize; i++)
            {
                var command = new NpgsqlBatchCommand("INSERT INTO bench_raw (payload) VALUES ($1)");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Row, NpgsqlDbType = NpgsqlDbType.Text });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            rows += batchSize;
        }

        var elapsed = clock.Elapsed;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_raw", connection))
        {
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new RawStoreLimitReport("Postgres", batchSize, elapsed, rows, rows / elapsed.TotalSeconds);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
