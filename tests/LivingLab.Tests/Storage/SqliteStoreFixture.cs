using LivingLab.Storage;
using Microsoft.Data.Sqlite;

namespace LivingLab.Tests.Storage;

/// <summary>SQLite databases in a temporary directory that is deleted after the test class.</summary>
public sealed class SqliteStoreFixture : ITestStoreFactory, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "livinglab-tests-" + Guid.NewGuid().ToString("N"));

    public SqliteStoreFixture()
    {
        // A subdirectory that does not exist yet also checks that the storage creates its parent directory.
        Shared = new SqliteTestStore(Path.Combine(directory, "shared", "livinglab.db"));
    }

    private SqliteTestStore Shared { get; }

    public Task<ITestStore> SharedAsync() => Task.FromResult<ITestStore>(Shared);

    public Task<ITestStore> CreateFreshAsync() =>
        Task.FromResult<ITestStore>(new SqliteTestStore(Path.Combine(directory, Guid.NewGuid().ToString("N"), "livinglab.db")));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class SqliteTestStore(string path) : ITestStore
    {
        public IStateStore Open() => new SqliteStateStore(new SqliteStorageOptions(path));

        // Written out, not read from the assembly, so a migration that goes missing from the build fails the test.
        public IReadOnlyList<long> ShippedMigrations { get; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

        public async Task<IReadOnlyList<long>> ReadAppliedMigrationsAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
            var versions = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt64(0));
            }

            return versions;
        }
    }
}
