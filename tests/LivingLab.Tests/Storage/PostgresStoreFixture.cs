using LivingLab.Storage;
using Npgsql;

namespace LivingLab.Tests.Storage;

/// <summary>
/// Fresh databases on the real PostgreSQL server named by LIVINGLAB_TEST_POSTGRES, created with random names and
/// dropped after the test class. Without the variable every test fails: a skipped storage test would hide a defect.
/// </summary>
public class PostgresStoreFixture : ITestStoreFactory, IAsyncLifetime
{
    public const string Variable = "LIVINGLAB_TEST_POSTGRES";

    private readonly int writerConnections;

    private readonly string? serverConnectionString = Environment.GetEnvironmentVariable(Variable);
    private readonly List<string> databases = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private ITestStore? shared;

    public PostgresStoreFixture()
        : this(writerConnections: 1)
    {
    }

    protected PostgresStoreFixture(int writerConnections)
    {
        this.writerConnections = writerConnections;
    }

    public async Task<ITestStore> SharedAsync()
    {
        await gate.WaitAsync();
        try
        {
            return shared ??= await CreateDatabaseAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<ITestStore> CreateFreshAsync()
    {
        await gate.WaitAsync();
        try
        {
            return await CreateDatabaseAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (serverConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        foreach (var name in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<ITestStore> CreateDatabaseAsync()
    {
        var server = serverConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL storage contract tests cannot reach a server. "
            + "Run ./scripts/test.sh: it starts a throwaway PostgreSQL with scripts/pg.sh and sets the variable. "
            + $"(Or start one yourself with scripts/pg.sh start DIR and export {Variable}=<the connection string it prints>.)");

        var name = "livinglab_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        databases.Add(name);
        // Test classes run in parallel against one server (100 connections by default); 64 concurrent readers in
        // each must queue for pooled connections rather than exhaust the server.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 };
        return new PostgresTestStore(builder.ConnectionString, writerConnections);
    }

    private sealed class PostgresTestStore(string connectionString, int writerConnections) : ITestStore
    {
        // Written out, not read from the assembly, so a migration that goes missing from the build fails the test.
        public IReadOnlyList<long> ShippedMigrations { get; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

        public IStateStore Open() =>
            new PostgresStateStore(new PostgresStorageOptions(connectionString) { WriterConnections = writerConnections });

        public async Task<IReadOnlyList<long>> ReadAppliedMigrationsAsync()
        {
            // No pooling: a pooled connection left open would make DROP DATABASE wait or need FORCE.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
            var versions = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt32(0));
            }

            return versions;
        }
    }
}

/// <summary>Like <see cref="PostgresStoreFixture"/>, with two writer connections committing concurrently.</summary>
public sealed class PostgresTwoWriterStoreFixture() : PostgresStoreFixture(writerConnections: 2);
