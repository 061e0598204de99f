using System.Globalization;
using LivingLab.ReadModel;
using LivingLab.Storage;

namespace LivingLab.Benchmarks.ReadModel;

/// <summary>Command-line wiring of the search benchmark over a fresh SQLite file or the PostgreSQL in ConnectionStrings__Postgres.</summary>
public static class SearchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var documents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
        IStateStore storage;
        string? directory = null;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                output.WriteLine("Set ConnectionStrings__Postgres (scripts/pg.sh start DIR prints one).");
                return 2;
            }

            storage = new PostgresStateStore(new PostgresStorageOptions(connectionString));
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
            storage = new SqliteStateStore(new SqliteStorageOptions(Path.Combine(directory, "search.db")));
        }

        try
        {
            await storage.MigrateAsync();
            await SearchBenchmark.RunAsync((IReadModelDatabase)storage, storage.ProviderName, documents, queries, output);
        }
        finally
        {
            await storage.DisposeAsync();
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }
}
