using LivingLab.Hosting;
using LivingLab.Runtime;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivingLab.Tests.Runtime;

/// <summary>A real runtime over a real SQLite file, with a manual clock, built the way the web host builds it.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestSilo(ServiceProvider services, string databasePath)
    {
        this.services = services;
        DatabasePath = databasePath;
        Runtime = services.GetRequiredService<GrainRuntime>();
        Clock = (ManualTimeProvider)services.GetRequiredService<TimeProvider>();
    }

    public GrainRuntime Runtime { get; }

    public ManualTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public IGrainStorage Storage => Runtime.Storage;

    public IServiceProvider Services => services;

    public static Task<TestSilo> StartAsync(
        string? databasePath = null,
        Action<SiloOptions>? options = null,
        Action<IServiceCollection>? configureServices = null)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        return StartAsync(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = databasePath }, databasePath, options, configureServices);
    }

    /// <summary>A silo over <paramref name="store"/> (SQLite or PostgreSQL); start another over the same store to restart.</summary>
    public static Task<TestSilo> StartAsync(SiloStore store, Action<SiloOptions>? options = null) =>
        StartAsync(store.Settings, store.Settings.GetValueOrDefault("Storage:Sqlite:Path") ?? "", options, null);

    private static async Task<TestSilo> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        string databasePath,
        Action<SiloOptions>? options,
        Action<IServiceCollection>? configureServices)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<TimeProvider>(new ManualTimeProvider());
        configureServices?.Invoke(collection);
        collection.AddLivingLabSilo(configuration, silo =>
        {
            silo.AddGrains(typeof(TestSilo).Assembly);
            options?.Invoke(silo.Options);
        });
        var silo = new TestSilo(collection.BuildServiceProvider(), databasePath);
        await silo.Runtime.StartAsync();
        return silo;
    }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Runtime.GetGrain<T>(key);

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await services.DisposeAsync();
    }
}
