using LivingLab.Storage;
using Microsoft.Extensions.Configuration;

namespace LivingLab.Hosting;

/// <summary>Chooses the store from configuration: <c>Storage:Provider</c> = Sqlite (default) or Postgres.</summary>
public static class StorageFactory
{
    /// <summary>The default SQLite file, relative to the working directory.</summary>
    public const string DefaultSqlitePath = "data/livinglab.db";

    /// <summary>Creates the configured store; a wrong setting fails start-up with a message that says what to set.</summary>
    public static IGrainStorage Create(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["Storage:Sqlite:Path"];
            return new SqliteGrainStorage(new SqliteStorageOptions(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path));
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Storage:Provider is Postgres but ConnectionStrings:Postgres is empty. Set it, for example ConnectionStrings__Postgres=\"Host=127.0.0.1;Username=livinglab;Password=…;Database=livinglab\".");
            }

            return new PostgresGrainStorage(new PostgresStorageOptions(connectionString));
        }

        throw new InvalidOperationException($"Storage:Provider '{provider}' is not known. Use Sqlite (the default) or Postgres.");
    }
}
