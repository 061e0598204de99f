using System.Data.Common;
using LivingLab.Storage;
using Microsoft.Data.Sqlite;

namespace LivingLab.ReadModel;

/// <summary>
/// The few things read-model SQL does differently per provider: times are ISO-8601 text in SQLite and timestamptz in
/// PostgreSQL, as in the rest of the store. Everything else is SQL both accept.
/// </summary>
internal static class ReadModelSql
{
    public static bool IsSqlite(DbConnection connection) => connection is SqliteConnection;

    /// <summary>A time as the parameter value the connection's provider stores.</summary>
    public static object Time(DbConnection connection, DateTimeOffset value) =>
        IsSqlite(connection) ? SqliteTime.ToText(value) : value.UtcDateTime;

    /// <summary>A time column read back, from either provider.</summary>
    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string text => SqliteTime.FromText(text),
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        var other => throw new InvalidDataException($"Column {reader.GetName(ordinal)} holds {other.GetType().Name}, not a time."),
    };

    public static DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public static string? ReadNullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static double? ReadNullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    /// <summary>Runs a statement with named parameters; returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = DbCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
