using LivingLab.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>An Orleans silo built the way hosts build it, over a throwaway SQLite file (the benchmark grains never touch it).</summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string directory;

    private BenchmarkSilo(IHost host, string directory)
    {
        this.host = host;
        this.directory = directory;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The host's services, for benchmarks that look at the store or the read models behind the grains.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Grain references from the co-hosted client, as the web host calls grains.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>A silo over a fresh SQLite file, or over <c>ConnectionStrings__Postgres</c> when <paramref name="provider"/> is postgres.</summary>
    /// <param name="readModels">False removes the projections and followers, to show what keeping the read models costs.</param>
    public static async Task<BenchmarkSilo> StartAsync(string provider = "sqlite", bool readModels = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>(FreePorts.OrleansSettings())
        {
            ["Storage:Sqlite:Path"] = Path.Combine(directory, "bench.db"),
        };
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                ?? throw new InvalidOperationException("Set ConnectionStrings__Postgres (scripts/pg.sh start DIR prints one).");
        }

        builder.Configuration.AddInMemoryCollection(settings);
        // No logging providers (DisableDefaults): a console logger would add work the silo does not do in production.
        builder.Services.AddLivingLabStore(builder.Configuration);
        builder.UseOrleans(silo => silo.AddLivingLab(builder.Configuration));
        if (!readModels)
        {
            builder.Services.RemoveAll<LivingLab.ReadModel.IProjection>();
            builder.Services.RemoveAll<LivingLab.ReadModel.IEventFollower>();
        }
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host, directory);
    }

    /// <summary>How many activations the silo holds (Orleans' management grain).</summary>
    public Task<int> ActivationCountAsync() => Grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
