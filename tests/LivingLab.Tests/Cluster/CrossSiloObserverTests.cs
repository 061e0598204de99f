using System.Collections.Concurrent;
using System.Diagnostics;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.Tests.Runtime;
using Orleans;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>Live pages on one node hear of changes made through another: Orleans observers across silos.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossSiloObserverTests(ITestOutputHelper output)
{
    private const int Rounds = 10;

    [Fact]
    public async Task An_observer_subscribed_through_one_silo_sees_each_change_made_through_the_other()
    {
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        var id = Ids.New();
        Callers.Resident("resident-1");
        Assert.True((await cluster.A.Grains.GetGrain<IIdeaGrain>(id).ProposeAsync(ClusterItems.Idea)).Succeeded);
        // One observer hosted by each silo: wherever the idea's activation lives, one of them is on the other silo.
        var onA = new RecordingObserver();
        var onB = new RecordingObserver();
        Assert.NotNull(await cluster.A.Grains.GetGrain<IIdeaGrain>(id).SubscribeAsync(cluster.A.Grains.CreateObjectReference<IItemObserver>(onA)));
        Assert.NotNull(await cluster.B.Grains.GetGrain<IIdeaGrain>(id).SubscribeAsync(cluster.B.Grains.CreateObjectReference<IItemObserver>(onB)));
        var host = await cluster.A.Management.GetActivationAddress(cluster.A.Grains.GetGrain<IIdeaGrain>(id));

        var latencies = new List<(string Through, string Observer, TimeSpan Latency)>();
        for (var round = 1; round <= Rounds; round++)
        {
            // Odd rounds change the idea through B and watch A's observer, even rounds the other way round.
            var (through, watcher, watcherName) = round % 2 == 1 ? (cluster.B, onA, "a") : (cluster.A, onB, "b");
            Callers.Resident($"voter-{round}");
            var started = Stopwatch.GetTimestamp();
            var vote = await through.Grains.GetGrain<IIdeaGrain>(id).VoteAsync();
            Assert.Equal(round, vote.Value);

            var arrived = await watcher.WaitForCountAsync(round).WaitAsync(TimeSpan.FromSeconds(10));
            latencies.Add((through.Name, watcherName, Stopwatch.GetElapsedTime(started, arrived)));
        }

        // Both observers saw every change, whichever node made it.
        await onA.WaitForCountAsync(Rounds).WaitAsync(TimeSpan.FromSeconds(10));
        await onB.WaitForCountAsync(Rounds).WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"idea active on {host}; observer a on {cluster.A.Address}, b on {cluster.B.Address}");
        output.WriteLine("change through → observer on: latency from the call to the notification (durable write included): " +
            string.Join(", ", latencies.Select(l => $"{l.Through}→{l.Observer} {l.Latency.TotalMilliseconds:F1} ms")));
        output.WriteLine($"max {latencies.Max(l => l.Latency).TotalMilliseconds:F1} ms, median {latencies.Select(l => l.Latency).Order().ElementAt(Rounds / 2).TotalMilliseconds:F1} ms");
        GC.KeepAlive(onA);
        GC.KeepAlive(onB);
    }

    /// <summary>Notes when a snapshot of each count first arrived.</summary>
    private sealed class RecordingObserver : IItemObserver
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> waiting = new();

        public Task ItemChanged(ItemSnapshot snapshot)
        {
            var now = Stopwatch.GetTimestamp();
            Signal(snapshot.Count).TrySetResult(now);
            return Task.CompletedTask;
        }

        /// <summary>When a snapshot with this count arrived.</summary>
        public Task<long> WaitForCountAsync(int count) => Signal(count).Task;

        private TaskCompletionSource<long> Signal(int count) =>
            waiting.GetOrAdd(count, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
