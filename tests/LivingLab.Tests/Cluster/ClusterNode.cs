using System.Collections.Concurrent;
using LivingLab.Hosting;
using LivingLab.Storage;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Tests.Cluster;

/// <summary>
/// One node of a test cluster: a real Orleans silo in this process on the PostgreSQL database of a <see cref="SiloStore"/>,
/// built as the stand-alone silo builds it (AddLivingLabStore, then UseOrleans with AddLivingLab: the project's store
/// and facet, ADO.NET membership and reminders on the same database), on free loopback ports (real TCP between nodes).
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly IHost host;
    private int stopped;

    private ClusterNode(string name, IHost host, NodeLog log)
    {
        Name = name;
        this.host = host;
        Log = log;
        Address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    /// <summary>"a", "b": names the node in messages and in PostgreSQL's Application Name.</summary>
    public string Name { get; }

    /// <summary>This silo's own grain factory: calls made through it enter the cluster at this node.</summary>
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public IStateStore Store => host.Services.GetRequiredService<IStateStore>();

    /// <summary>The silo's address, also once it is gone.</summary>
    public SiloAddress Address { get; }

    /// <summary>Warnings and errors the node logged.</summary>
    public NodeLog Log { get; }

    /// <summary>Orleans' management grain, reached through this node.</summary>
    public IManagementGrain Management => Grains.GetGrain<IManagementGrain>(0);

    /// <summary>
    /// Starts a node on <paramref name="store"/>. Each node gets a connection string of its own (Application Name), so its
    /// connection pool is its own, as it would be in a process of its own.
    /// </summary>
    public static async Task<ClusterNode> StartAsync(
        SiloStore store,
        string name,
        IReadOnlyDictionary<string, string?>? moreSettings = null)
    {
        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in moreSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        settings["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(store.Settings["ConnectionStrings:Postgres"])
        {
            ApplicationName = $"livinglab-node-{name}",
        }.ConnectionString;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(FreePorts.OrleansSettings());
        var log = new NodeLog();
        builder.Logging.AddProvider(log).SetMinimumLevel(LogLevel.Warning);
        // The store first, so its migrations run before the silo starts (as in SiloHostExtensions).
        builder.Services.AddLivingLabStore(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddLivingLab(builder.Configuration);
            StopHostOnFatalError.ReplaceIn(silo.Services);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterNode(name, host, log);
    }

    /// <summary>How many silos this node's membership view holds as active.</summary>
    public int ActiveSilos() =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    /// <summary>Waits (bounded) until this node sees exactly <paramref name="count"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan limit)
    {
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow + limit;
        while (ActiveSilos() != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                var members = string.Join(", ", membership.CurrentSnapshot.Members.Values.Select(m => $"{m.SiloAddress} {m.Status}"));
                throw new TimeoutException($"node {Name} did not see {count} active silos within {limit}: {members}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the silo abruptly: Orleans' own "kill" of an in-process silo (StopAsync with a token already cancelled, as
    /// InProcessTestCluster.KillSiloAsync does), then drops the host. Orleans then waits for nothing: it starts deactivating
    /// and telling the cluster but does not let either finish. A process killed outright is SiloProcessTests' part.
    /// </summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        try
        {
            await host.StopAsync(cancelled.Token).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or AggregateException)
        {
            // A killed silo may leave its stop half done; the point is that it is gone.
        }

        host.Dispose();
    }

    /// <summary>Stops the silo gracefully (bounded), then releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposing below releases what the stop did not finish.
        }

        host.Dispose();
    }
}

/// <summary>Two <see cref="ClusterNode"/>s on one PostgreSQL database that see each other as active members.</summary>
public sealed class SiloPair : IAsyncDisposable
{
    private SiloPair(ClusterNode a, ClusterNode b)
    {
        A = a;
        B = b;
    }

    public ClusterNode A { get; }

    public ClusterNode B { get; }

    /// <summary>Node 0 is <see cref="A"/>, node 1 is <see cref="B"/>: <c>pair[i % 2]</c> alternates between them.</summary>
    public ClusterNode this[int index] => index % 2 == 0 ? A : B;

    /// <summary>Starts both nodes at once (as two processes would) and waits until each sees both active.</summary>
    public static async Task<SiloPair> StartAsync(
        SiloStore store,
        IReadOnlyDictionary<string, string?>? moreSettings = null)
    {
        var starting = new[] { ClusterNode.StartAsync(store, "a", moreSettings), ClusterNode.StartAsync(store, "b", moreSettings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var node in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await node.Result.DisposeAsync();
            }

            throw;
        }

        var pair = new SiloPair(starting[0].Result, starting[1].Result);
        try
        {
            await Task.WhenAll(pair.A.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60)), pair.B.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60)));
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }

        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
    }
}

/// <summary>Keeps the warnings and errors a node logs, so a test can check that nothing went wrong quietly.</summary>
public sealed class NodeLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. entries];

    /// <summary>Entries at <paramref name="level"/> or above from categories starting with <paramref name="categoryPrefix"/>.</summary>
    public IReadOnlyList<string> From(string categoryPrefix, LogLevel level = LogLevel.Warning) =>
        [.. entries.Where(e => e.Level >= level && e.Category.StartsWith(categoryPrefix, StringComparison.Ordinal)).Select(e => $"{e.Level} {e.Category}: {e.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(NodeLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
            }
        }
    }
}

/// <summary>The cluster tests run one after another: each starts silos and puts the 2-core machine under load.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
