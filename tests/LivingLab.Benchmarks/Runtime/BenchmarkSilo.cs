using LivingLab.Hosting;
using LivingLab.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>A runtime built the way hosts build it, over a throwaway SQLite file (the benchmark grains never touch it).</summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string directory;

    private BenchmarkSilo(ServiceProvider services, string directory)
    {
        this.services = services;
        this.directory = directory;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }

    public static async Task<BenchmarkSilo> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(directory, "bench.db") })
            .Build();
        var collection = new ServiceCollection();
        // No logging providers: a console logger would add work the runtime does not do in production.
        collection.AddLogging();
        collection.AddLivingLabSilo(configuration, silo => silo.AddGrains(typeof(BenchmarkSilo).Assembly));
        var silo = new BenchmarkSilo(collection.BuildServiceProvider(), directory);
        await silo.Runtime.StartAsync();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await services.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
