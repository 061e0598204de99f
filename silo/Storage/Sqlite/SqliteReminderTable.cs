using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace LivingLab.Storage;

/// <summary>
/// Orleans' reminder table in the store's SQLite file (table orleans_reminders, created by migration 0007), so a
/// single localhost silo keeps its reminders across restarts. Each call opens its own short connection: reminders
/// change rarely, and a connection of its own never interferes with the store's writer or read pool.
/// </summary>
internal sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ticks, version";

    private readonly string path;
    private readonly string connectionString;

    public SqliteReminderTable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Resolved as the store resolves it, so a relative Storage:Sqlite:Path names the same file.
        this.path = Path.GetFullPath(path);
        connectionString = SqliteConnections.ConnectionString(this.path);
    }

    /// <summary>Checks that the migrations have run; creating the schema is theirs alone.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        // The connection string may create the file, so a missing store is reported instead of being made empty.
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The SQLite store file '{path}' does not exist: apply the store's migrations before the silo starts.");
        }

        using var connection = SqliteConnections.Open(connectionString);
        using var command = Command(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'orleans_reminders'");
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException(
                $"The SQLite store at '{path}' has no orleans_reminders table: apply the store's migrations "
                + "(0007_orleans_reminders.sql) before the silo starts.");
        }
    }, cancellationToken);

    // Orleans 10 calls StartAsync; the obsolete Init is kept equivalent for any caller that still uses it.
    [Obsolete("Implement and use StartAsync instead")]
    public Task Init() => StartAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grain_id ORDER BY reminder_name");
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        return ReadAll(command);
    }, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Rows whose grain hash is in (begin, end]; when begin &gt;= end the range wraps past uint.MaxValue.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => Run(connection =>
    {
        // begin == end is the whole ring (a single silo owns it all), which the wrapping form covers.
        var filter = begin < end
            ? "grain_hash > $begin AND grain_hash <= $end"
            : "grain_hash > $begin OR grain_hash <= $end";
        using var command = Command(connection, $"SELECT {Columns} FROM orleans_reminders WHERE {filter} ORDER BY grain_hash, grain_id, reminder_name");
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return ReadAll(command);
    }, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        return Run(connection =>
        {
            using var command = Command(connection, $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grain_id AND reminder_name = $name");
            command.Parameters.AddWithValue("$grain_id", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }, cancellationToken);
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>
    /// Inserts or replaces the reminder in one statement and returns its new version. Like Orleans' own tables it
    /// ignores the entry's ETag: the reminder service upserts unconditionally and guards only removals.
    /// </summary>
    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero);
        return Run<string?>(connection =>
        {
            using var command = Command(connection,
                "INSERT INTO orleans_reminders (grain_id, reminder_name, grain_hash, start_at, period_ticks, version) "
                + "VALUES ($grain_id, $name, $grain_hash, $start_at, $period_ticks, 1) "
                + "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET start_at = excluded.start_at, "
                + "period_ticks = excluded.period_ticks, version = orleans_reminders.version + 1 "
                + "RETURNING version");
            command.Parameters.AddWithValue("$grain_id", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$grain_hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start_at", SqliteTime.ToText(AsUtc(entry.StartAt)));
            command.Parameters.AddWithValue("$period_ticks", entry.Period.Ticks);
            var version = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            return ETagOf(version);
        }, cancellationToken);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Deletes the reminder only while it still has the given version; a stale or foreign ETag removes nothing.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            // Not one of ours (null, empty, or another table's format), so it cannot match any row.
            return Task.FromResult(false);
        }

        return Run(connection =>
        {
            using var command = Command(connection,
                "DELETE FROM orleans_reminders WHERE grain_id = $grain_id AND reminder_name = $name AND version = $version");
            command.Parameters.AddWithValue("$grain_id", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "DELETE FROM orleans_reminders");
        return command.ExecuteNonQuery();
    }, cancellationToken);

    // SQLite calls block, and a write may wait on the store writer's file lock for up to the busy timeout; the
    // thread-pool hop keeps that wait off Orleans' scheduler. Reminder calls are rare, so the hop costs nothing.
    private Task<T> Run<T>(Func<SqliteConnection, T> body, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            using var connection = SqliteConnections.Open(connectionString);
            return body(connection);
        }, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static ReminderTableData ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }

        return new ReminderTableData(entries);
    }

    // Column order is Columns': grain_id, reminder_name, start_at, period_ticks, version.
    private static ReminderEntry ReadEntry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = SqliteTime.FromText(reader.GetString(2)).UtcDateTime,
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = ETagOf(reader.GetInt64(4)),
    };

    private static string ETagOf(long version) => version.ToString(CultureInfo.InvariantCulture);

    // Orleans passes UTC times; an unspecified kind is taken as UTC rather than as local time, which
    // DateTimeOffset's conversion would otherwise assume and so shift the reminder by the host's offset.
    private static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(value, TimeSpan.Zero),
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}

/// <summary>Silo wiring for <see cref="SqliteReminderTable"/>: Orleans' reminder service over the store's file.</summary>
internal static class SqliteReminderHosting
{
    /// <summary>
    /// Adds Orleans reminders kept in the SQLite store at <paramref name="path"/> (Storage:Sqlite:Path). The store's
    /// migrations must have run before the silo starts: the reminder service checks the table while the silo starts.
    /// </summary>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.AddReminders();
        builder.ConfigureServices(services => services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(path)));
        return builder;
    }
}
