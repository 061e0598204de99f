using LivingLab.Live;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.Notifications;
using LivingLab.ReadModel.People;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.ReadModel.Search;
using LivingLab.ReadModel.Timeline;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LivingLab.Hosting;

/// <summary>Adds the store, its migrations and the read models to any host: <c>services.AddLivingLabStore(configuration)</c>.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by <c>Storage:Provider</c> (Sqlite by default, or Postgres), the read models and the
    /// projection runner. Call it before Orleans is added: the migration service it registers then runs before the silo
    /// starts, so no grain ever reads a schema that is not there yet.
    /// </summary>
    public static IServiceCollection AddLivingLabStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(DomainClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<IStateStore>(_ => StorageFactory.Create(configuration));
        services.TryAddSingleton(sp => (IReadModelDatabase)sp.GetRequiredService<IStateStore>());
        services.TryAddSingleton(sp => (IDataProtectionKeyDatabase)sp.GetRequiredService<IStateStore>());
        services.TryAddSingleton<StateLimits>();
        services.TryAddSingleton<StateWriteSignal>();
        services.TryAddSingleton<SearchIndex>();
        AddReadModels(services);
        services.TryAddSingleton<ProjectionRunner>(sp =>
        {
            var runner = ActivatorUtilities.CreateInstance<ProjectionRunner>(sp);
            // Lists and timelines follow a write within moments instead of on the runner's one-second poll.
            sp.GetRequiredService<StateWriteSignal>().EventsWritten += runner.Nudge;
            return runner;
        });
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionRunner>());
        return services;
    }

    // The runner catches projections up in this order: idea-list before challenge-list, which reads an idea's stage
    // when a challenge is accepted. Notifications come last (they read nothing of the others); the live signals follow
    // on every node once all of them hold an event.
    private static void AddReadModels(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, IdeaListProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, ChallengeListProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, StagePeriodProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TimelineProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, PeopleDirectoryProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, WorkshopListProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, WorkshopOutcomeProjection>());
        services.TryAddSingleton<LiveSignals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, NotificationProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventFollower, LiveSignalFollower>());
        services.TryAddSingleton<NotificationQueries>();
        services.TryAddSingleton<ChallengeQueries>();
        services.TryAddSingleton<IdeaQueries>();
        services.TryAddSingleton<WorkshopQueries>();
        services.TryAddSingleton<TimelineQueries>();
        services.TryAddSingleton<PipelineStatistics>();
        services.TryAddSingleton<PeopleDirectory>();
    }
}

/// <summary>Brings the store's schema up to date when the host starts, before the silo and the read models.</summary>
internal sealed class StoreMigrationService(IStateStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
