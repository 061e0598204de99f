using LivingLab.Tests.Storage;
using Npgsql;

namespace LivingLab.Tests.Runtime;

/// <summary>
/// Where a <see cref="TestSilo"/> keeps its data: a fresh SQLite file, or a fresh database on the real PostgreSQL server
/// of LIVINGLAB_TEST_POSTGRES (dropped on dispose). Reusable across silo restarts, so tests can check what survives one.
/// </summary>
public sealed class SiloStore : IAsyncDisposable
{
    private readonly string? postgresDatabase;

    private SiloStore(IReadOnlyDictionary<string, string?> settings, string provider, string? postgresDatabase)
    {
        Settings = settings;
        Provider = provider;
        this.postgresDatabase = postgresDatabase;
    }

    /// <summary>The configuration keys that point the silo at this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>"Sqlite" or "Postgres", for test names and messages.</summary>
    public string Provider { get; }

    /// <summary>A fresh SQLite file.</summary>
    public static SiloStore Sqlite() => new(
        new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db") },
        "Sqlite",
        null);

    /// <summary>A fresh database on the test PostgreSQL server; fails loudly when the server is not configured.</summary>
    public static async Task<SiloStore> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresStoreFixture.Variable) ?? throw new InvalidOperationException(
            $"{PostgresStoreFixture.Variable} is not set; run ./scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");
        var name = "livinglab_silo_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 10 };
        return new SiloStore(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = builder.ConnectionString },
            "Postgres",
            name);
    }

    /// <summary>A fresh store of the named provider.</summary>
    public static async Task<SiloStore> CreateAsync(string provider) =>
        provider == "Postgres" ? await PostgresAsync() : Sqlite();

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresStoreFixture.Variable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
