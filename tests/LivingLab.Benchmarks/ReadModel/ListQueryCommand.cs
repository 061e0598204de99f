using System.Globalization;
using LivingLab.Hosting;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Benchmarks.ReadModel;

/// <summary>
/// Command-line wiring of the list-query benchmark: the read models as the silo registers them, over a fresh SQLite file
/// or the PostgreSQL database in ConnectionStrings__Postgres.
/// </summary>
public static class ListQueryCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var challenges = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var queries = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var asked) ? asked : 2_000;
        // --keep leaves the SQLite file for a look at query plans (sqlite3 FILE, EXPLAIN QUERY PLAN …).
        var keep = args.Contains("--keep");
        var settings = new Dictionary<string, string?>();
        string? directory = null;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                output.WriteLine("Set ConnectionStrings__Postgres to an empty database (scripts/pg.sh start DIR prints a server's).");
                return 2;
            }

            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = connectionString;
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
            settings["Storage:Sqlite:Path"] = Path.Combine(directory, "lists.db");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLivingLabStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provided = services.BuildServiceProvider();
        var storage = provided.GetRequiredService<IStateStore>();
        try
        {
            await storage.MigrateAsync();
            await ListQueryBenchmark.RunAsync(
                storage, provided.GetRequiredService<ProjectionRunner>(), provided.GetRequiredService<ChallengeQueries>(),
                storage.ProviderName, challenges, queries, output);
        }
        finally
        {
            await storage.DisposeAsync();
            if (keep && directory is not null)
            {
                output.WriteLine($"kept {settings["Storage:Sqlite:Path"]}");
            }
            else if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }
}
