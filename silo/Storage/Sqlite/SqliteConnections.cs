using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>Opens connections to the store file with the durability settings every connection must share.</summary>
internal static class SqliteConnections
{
    // Set on the file by the first connection and kept by it; the other two hold for one connection only.
    private const string FilePragmas = "PRAGMA journal_mode=WAL; ";
    private const string ConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public static string ConnectionString(string path) => Build(path, pooled: false);

    /// <summary>
    /// The connection string of short-lived read-model connections: the driver keeps them open between uses, because
    /// opening a file and closing it was a third of a signed-in page's CPU (docs/PERFORMANCE.md). The store clears
    /// this pool when it is disposed, so no file stays open after it.
    /// </summary>
    public static string PooledConnectionString(string path) => Build(path, pooled: true);

    private static string Build(string path, bool pooled) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // The store keeps its writer and read sessions open itself; only read-model connections use the driver's pool.
        Pooling = pooled,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Takes a connection from the driver's pool (or opens one) with this connection's pragmas set.</summary>
    public static SqliteConnection OpenPooled(string pooledConnectionString) => Open(pooledConnectionString, ConnectionPragmas);

    public static SqliteConnection Open(string connectionString) => Open(connectionString, FilePragmas + ConnectionPragmas);

    private static SqliteConnection Open(string connectionString, string pragmaText)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // WAL lets readers run beside the writer; FULL makes every acknowledged commit survive power loss.
            pragmas.CommandText = pragmaText;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
