using LivingLab.Storage;
using Microsoft.Extensions.Configuration;

namespace LivingLab.Hosting;

/// <summary>Chooses the store from configuration: <c>Storage:Provider</c> = Sqlite (default) or Postgres.</summary>
public static class StorageFactory
{
    /// <summary>The default SQLite file, relative to the working directory.</summary>
    public const string DefaultSqlitePath = "data/livinglab.db";

    /// <summary>Creates the configured store; a wrong setting fails start-up with a message that says what to set.</summary>
    public static IStateStore Create(IConfiguration configuration)
    {
        if (!IsPostgres(configuration))
        {
            return new SqliteStateStore(new SqliteStorageOptions(SqlitePath(configuration)));
        }

        return new PostgresStateStore(new PostgresStorageOptions(PostgresConnectionString(configuration)));
    }

    /// <summary>The PostgreSQL connection (<c>ConnectionStrings:Postgres</c>); empty stops start-up with what to set.</summary>
    public static string PostgresConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                "Storage:Provider is Postgres but ConnectionStrings:Postgres is empty. Set it, for example ConnectionStrings__Postgres=\"Host=127.0.0.1;Username=livinglab;Password=…;Database=livinglab\".")
            : connectionString;
    }

    /// <summary>Whether <c>Storage:Provider</c> names PostgreSQL; false for SQLite (the default); anything else stops start-up.</summary>
    public static bool IsPostgres(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? true
            : throw new InvalidOperationException($"Storage:Provider '{provider}' is not known. Use Sqlite (the default) or Postgres.");
    }

    /// <summary>The SQLite file (<c>Storage:Sqlite:Path</c>, else <see cref="DefaultSqlitePath"/>).</summary>
    public static string SqlitePath(IConfiguration configuration) =>
        configuration["Storage:Sqlite:Path"] is { Length: > 0 } path && !string.IsNullOrWhiteSpace(path) ? path : DefaultSqlitePath;
}
