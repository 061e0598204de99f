using System.Data.Common;

namespace LivingLab.ReadModel;

/// <summary>Small helpers for provider-neutral ADO.NET commands with named (@name) parameters.</summary>
internal static class DbCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command with its named parameters.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = Create(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return command;
    }

    /// <summary>Escapes LIKE's wildcards (with ESCAPE '\' in the statement), so the text is matched literally.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
