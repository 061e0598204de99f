using System.Reflection;
using LivingLab.Live;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.People;
using LivingLab.ReadModel.Notifications;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.ReadModel.Search;
using LivingLab.ReadModel.Timeline;
using LivingLab.Runtime;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LivingLab.Hosting;

/// <summary>Adds the grain runtime and its store to any host: <c>services.AddLivingLabSilo(configuration)</c>.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime, the store chosen by <c>Storage:Provider</c> (Sqlite by default, or Postgres) and the
    /// grains of this assembly plus any added with <see cref="SiloBuilder.AddGrains"/>. The runtime starts and
    /// stops with the host.
    /// </summary>
    public static IServiceCollection AddLivingLabSilo(this IServiceCollection services, IConfiguration configuration, Action<SiloBuilder>? configure = null)
    {
        var builder = new SiloBuilder(services);
        builder.AddGrains(typeof(SiloServiceCollectionExtensions).Assembly);
        configure?.Invoke(builder);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(builder.Options);
        services.TryAddSingleton(builder.Registry);
        services.TryAddSingleton<IGrainStorage>(_ => StorageFactory.Create(configuration));
        services.TryAddSingleton(sp => (IReadModelDatabase)sp.GetRequiredService<IGrainStorage>());
        services.TryAddSingleton<SearchIndex>();
        AddReadModels(services);
        services.TryAddSingleton<ProjectionRunner>();
        services.TryAddSingleton<GrainRuntime>(sp =>
        {
            var runtime = ActivatorUtilities.CreateInstance<GrainRuntime>(sp);
            // Lists and timelines follow a write within moments instead of on the runner's one-second poll.
            var runner = sp.GetRequiredService<ProjectionRunner>();
            runtime.EventsWritten += runner.Nudge;
            return runtime;
        });
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<SiloHostedService>();
        // Hosted services start in order: the runtime migrates the schema first, so the runner's first catch-up finds its tables.
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionRunner>());
        return services;
    }

    // The runner catches projections up in this order: idea-list before challenge-list, which reads an idea's stage
    // when a challenge is accepted. Notifications and live signals come last (they read nothing of the others).
    private static void AddReadModels(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, IdeaListProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, ChallengeListProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, StagePeriodProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TimelineProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, PeopleDirectoryProjection>());
        services.TryAddSingleton<LiveSignals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, NotificationProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, LiveSignalProjection>());
        services.TryAddSingleton<NotificationQueries>();
        services.TryAddSingleton<ChallengeQueries>();
        services.TryAddSingleton<IdeaQueries>();
        services.TryAddSingleton<TimelineQueries>();
        services.TryAddSingleton<PipelineStatistics>();
        services.TryAddSingleton<PeopleDirectory>();
    }
}

/// <summary>Configures the silo: which assemblies hold grains, and runtime options.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    /// <summary>The host's services, to add call filters and the like.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Runtime settings.</summary>
    public SiloOptions Options { get; } = new();

    /// <summary>Known grain classes.</summary>
    public GrainTypeRegistry Registry { get; } = new();

    /// <summary>Registers every grain class in an assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        Registry.AddAssembly(assembly);
        return this;
    }

    /// <summary>Adds an incoming call filter that sees every grain call.</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }
}

/// <summary>Starts the runtime with the host and shuts it down gracefully with it.</summary>
internal sealed class SiloHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
