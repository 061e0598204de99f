using LivingLab.Hosting;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace LivingLab.Tests.Runtime;

/// <summary>
/// A real Orleans silo over a real store (a fresh SQLite file by default), built the way the web host builds it, with a
/// manual domain clock. Each silo listens on free ports of its own, so tests run side by side.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;

    private TestSilo(IHost host, string databasePath)
    {
        this.host = host;
        DatabasePath = databasePath;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        // Every silo wraps its domain clock for the demo seeder; the test moves the clock inside.
        var clock = host.Services.GetRequiredKeyedService<TimeProvider>(DomainClock.Key);
        Clock = (ManualTimeProvider)((clock as LivingLab.Demo.DemoClock)?.Inner ?? clock);
    }

    /// <summary>Grain references, as the web host gets them.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The silo's grain factory (an older name of <see cref="Grains"/>).</summary>
    public IGrainFactory Runtime => Grains;

    public ManualTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public IStateStore Storage => host.Services.GetRequiredService<IStateStore>();

    public IServiceProvider Services => host.Services;

    public static Task<TestSilo> StartAsync(
        string? databasePath = null,
        Action<StateLimits>? limits = null,
        Action<IServiceCollection>? configureServices = null)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        return StartAsync(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = databasePath }, databasePath, limits, configureServices);
    }

    /// <summary>A silo over <paramref name="store"/> (SQLite or PostgreSQL); start another over the same store to restart.</summary>
    public static Task<TestSilo> StartAsync(SiloStore store, Action<StateLimits>? limits = null) =>
        StartAsync(store.Settings, store.Settings.GetValueOrDefault("Storage:Sqlite:Path") ?? "", limits, null);

    private static async Task<TestSilo> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        string databasePath,
        Action<StateLimits>? limits,
        Action<IServiceCollection>? configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(FreePorts.OrleansSettings());
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, new ManualTimeProvider());
        var stateLimits = new StateLimits();
        limits?.Invoke(stateLimits);
        builder.Services.AddSingleton(stateLimits);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddLivingLabStore(builder.Configuration);
        builder.UseOrleans(silo => silo.AddLivingLab(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, databasePath);
    }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Grains.GetGrain<T>(key);

    /// <summary>Stops the silo gracefully (activations deactivate, pending writes finish), then releases the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
