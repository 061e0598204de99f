using System.Globalization;
using LivingLab.Benchmarks.Storage;
using LivingLab.Storage;

namespace LivingLab.Benchmarks;

/// <summary>
/// Command-line wiring of the storage benchmark: <c>durable-writes [sqlite|postgres] [seconds] [callers]</c>.
/// Prints the durable write rate, then the raw store limit for comparison.
/// </summary>
public static class DurableWritesCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;

        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "durable.db");
            try
            {
                await using (var storage = new SqliteStateStore(new SqliteStorageOptions(path)))
                {
                    await storage.MigrateAsync();
                    output.WriteLine(await DurableWriteBenchmark.RunAsync(storage, duration, callers));
                }

                output.WriteLine(await RawStoreLimit.MeasureSqliteAsync(path, duration));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }

            return 0;
        }

        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            // Same variable the host reads, so a benchmark never needs a connection string on its command line.
            var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                output.WriteLine("Set ConnectionStrings__Postgres (scripts/pg.sh start DIR prints one).");
                return 2;
            }

            await using (var storage = new PostgresStateStore(new PostgresStorageOptions(connectionString)))
            {
                await storage.MigrateAsync();
                output.WriteLine(await DurableWriteBenchmark.RunAsync(storage, duration, callers));
            }

            output.WriteLine(await RawStoreLimit.MeasurePostgresAsync(connectionString, duration));
            return 0;
        }

        output.WriteLine($"Unknown provider '{provider}': use sqlite or postgres.");
        return 2;
    }
}
