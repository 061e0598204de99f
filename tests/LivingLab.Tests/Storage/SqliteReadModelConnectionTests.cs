using System.Data.Common;
using LivingLab.ReadModel;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>
/// Read-model connections come from the driver's pool: each use still gets the durability pragmas, and a disposed
/// store leaves no connection holding its file.
/// </summary>
public sealed class SqliteReadModelConnectionTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "livinglab-readconn-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "livinglab.db");

    [Fact]
    public async Task A_reused_read_model_connection_gets_full_synchronous_and_the_busy_timeout_again()
    {
        await using var store = await OpenStoreAsync();
        var database = (IReadModelDatabase)store;

        await using (var first = await database.OpenConnectionAsync())
        {
            // A query that changed the connection's settings must not hand them to the next user of the pool.
            await ExecuteAsync(first, "PRAGMA synchronous=OFF; PRAGMA busy_timeout=1;");
        }

        await using var second = await database.OpenConnectionAsync();
        Assert.Equal(2L, await ScalarAsync(second, "PRAGMA synchronous"));
        Assert.Equal(30_000L, await ScalarAsync(second, "PRAGMA busy_timeout"));
        Assert.Equal("wal", await ScalarAsync(second, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_disposed_store_leaves_no_open_handle_on_its_file()
    {
        var store = await OpenStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await ((IReadModelDatabase)store).OpenConnectionAsync();
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT 1"));
        }

        Assert.True(OpenHandlesOnDatabase() > 0, "the pool should hold the file while the store is open");
        await store.DisposeAsync();

        Assert.Equal(0, OpenHandlesOnDatabase());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<SqliteStateStore> OpenStoreAsync()
    {
        var store = new SqliteStateStore(new SqliteStorageOptions(DatabasePath));
        await store.MigrateAsync();
        return store;
    }

    // The process's open file descriptors on the database file (Linux, where CI runs; /proc is the source of truth).
    private int OpenHandlesOnDatabase() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target == Path.GetFullPath(DatabasePath));

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
