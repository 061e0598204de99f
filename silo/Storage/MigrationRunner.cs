using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace LivingLab.Storage;

/// <summary>One numbered migration script read from the assembly's embedded resources.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>The provider-specific SQL the migration runner needs around the shared algorithm.</summary>
internal sealed record MigrationDialect(string CreateHistoryTable, string InsertApplied, string? LockStatement);

/// <summary>Applies numbered SQL migrations that are not yet recorded in schema_migrations, each in its own transaction.</summary>
internal static class MigrationRunner
{
    /// <summary>Loads the scripts under a resource folder (e.g. "LivingLab.Storage.Sqlite.Migrations."), ordered by number.</summary>
    public static IReadOnlyList<Migration> Load(string resourcePrefix)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[resourcePrefix.Length..];
            var digits = name.IndexOf('_', StringComparison.Ordinal);
            if (digits <= 0 || !int.TryParse(name.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_description.sql.");
            }

            migrations.Add(new Migration(version, name, ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share number {migrations[i].Version}.");
            }
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No migrations embedded under '{resourcePrefix}'.");
        }

        return migrations;
    }

    public static async Task ApplyAsync(
        DbConnection connection, MigrationDialect dialect, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await InTransactionAsync(connection, dialect, async tx =>
        {
            await ExecuteAsync(connection, tx, dialect.CreateHistoryTable, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var migration in migrations)
        {
            await InTransactionAsync(connection, dialect, async tx =>
            {
                // Checked under the lock so that of two processes starting together only one applies the script.
                if (await IsAppliedAsync(connection, tx, migration.Version, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await ExecuteAsync(connection, tx, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = connection.CreateCommand();
                record.Transaction = tx;
                record.CommandText = dialect.InsertApplied;
                AddParameter(record, "version", migration.Version);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InTransactionAsync(
        DbConnection connection, MigrationDialect dialect, Func<DbTransaction, Task> body, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.LockStatement is { } lockSql)
        {
            await ExecuteAsync(connection, tx, lockSql, cancellationToken).ConfigureAwait(false);
        }

        await body(tx).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @version";
        AddParameter(command, "version", version);
        var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
