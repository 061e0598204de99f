using Microsoft.Data.Sqlite;

namespace LivingLab.Storage;

/// <summary>Opens connections to the store file with the durability settings every connection must share.</summary>
internal static class SqliteConnections
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // We keep our own connections open; the driver's pool would only keep files open after DisposeAsync.
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // WAL lets readers run beside the writer; FULL makes every acknowledged commit survive power loss.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
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
