using LivingLab.Hosting;
using LivingLab.Live;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.Notifications;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.ReadModel.Timeline;
using LivingLab.Storage;
using LivingLab.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.ReadModel;

/// <summary>
/// The read models as the silo registers them (<see cref="StoreServiceCollectionExtensions.AddLivingLabStore"/>), over a
/// fresh empty database of the fixture's store, with an <see cref="EventFeed"/> to write events into it.
/// </summary>
public sealed class ReadModelHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private ReadModelHost(IStateStore storage, ServiceProvider services)
    {
        Storage = storage;
        this.services = services;
        Feed = new EventFeed(storage);
    }

    public IStateStore Storage { get; }

    public EventFeed Feed { get; }

    public ProjectionRunner Runner => services.GetRequiredService<ProjectionRunner>();

    public ChallengeQueries Challenges => services.GetRequiredService<ChallengeQueries>();

    public IdeaQueries Ideas => services.GetRequiredService<IdeaQueries>();

    public TimelineQueries Timelines => services.GetRequiredService<TimelineQueries>();

    public PipelineStatistics Pipeline => services.GetRequiredService<PipelineStatistics>();

    public NotificationQueries Notifications => services.GetRequiredService<NotificationQueries>();

    public LiveSignals Signals => services.GetRequiredService<LiveSignals>();

    public static async Task<ReadModelHost> StartAsync(ITestStoreFactory stores)
    {
        var storage = (await stores.CreateFreshAsync()).Open();
        await storage.MigrateAsync();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(storage);
        collection.AddLivingLabStore(new ConfigurationBuilder().Build());
        return new ReadModelHost(storage, collection.BuildServiceProvider());
    }

    /// <summary>Applies everything written so far, as a reader that must see its own write does.</summary>
    public Task CatchUpAsync() => Runner.CatchUpAsync();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
