using Orleans;
using Orleans.Storage;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>Group commit: many queued and concurrent writes, each with the outcome it would have had alone.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task WritesToOneStateQueuedTogetherApplyInQueueOrder()
    {
        var start = await LastPositionAsync();
        var slow = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.BeforeEventAppend = write => write.Id == slow ? release.Task : Task.CompletedTask;
        var slowWrite = Storage.WriteAsync(new StateWrite(slow, "\"slow\"", 0, []));

        // Queued without awaiting, so that they share a batch behind the slow write.
        var id = NewId();
        var created = Storage.WriteAsync(new StateWrite(id, "\"v1\"", 0, [Event("V1")]));
        var second = Storage.WriteAsync(new StateWrite(id, "\"v2\"", 1, [Event("V2")]));
        var stale = Storage.WriteAsync(new StateWrite(id, "\"stale\"", 1, [Event("Stale")]));
        var third = Storage.WriteAsync(new StateWrite(id, "\"v3\"", 2, [Event("V3")]));
        var other = NewId();
        var deleteMissing = Storage.WriteAsync(new StateWrite(other, null, 0, [Event("NothingToDelete")]));
        var createOther = Storage.WriteAsync(new StateWrite(other, "\"o1\"", 0, [Event("O1")]));
        release.SetResult();

        await slowWrite;
        Assert.Equal(1, await created);
        Assert.Equal(2, await second);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal(3, await third);
        Assert.Equal(0, await deleteMissing);
        Assert.Equal(1, await createOther);
        Assert.Equal(new StoredState("\"v3\"", 3), await Storage.ReadAsync(id));
        Assert.Equal(new StoredState("\"o1\"", 1), await Storage.ReadAsync(other));
        var events = await Storage.ReadEventsAsync(start, 100);
        Assert.Equal(["V1", "V2", "V3"], events.Where(e => e.GrainKey == id.GrainKey).Select(e => e.EventType));
        Assert.Equal(["NothingToDelete", "O1"], events.Where(e => e.GrainKey == other.GrainKey).Select(e => e.EventType));
    }

    [Fact]
    public async Task ConcurrentGroupCommittedWritesFrom64TasksAllLandWithCorrectVersionsAndEventCounts()
    {
        const int Tasks = 64, GrainsPerTask = 4, WritesPerGrain = 10, CounterIncrementsPerTask = 2;
        var start = await LastPositionAsync();
        var grains = Enumerable.Range(0, Tasks * GrainsPerTask).Select(_ => NewId()).ToArray();
        var counter = NewId();
        await Storage.WriteAsync(new StateWrite(counter, "0", 0, []));

        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            // Each task owns its grains, as a grain activation owns its state, and knows their versions.
            var owned = grains.Skip(task * GrainsPerTask).Take(GrainsPerTask).ToArray();
            for (var round = 0; round < WritesPerGrain; round++)
            {
                foreach (var id in owned)
                {
                    var version = await Storage.WriteAsync(new StateWrite(id, $"{{\"round\":{round}}}", round, [Event($"Round{round}")]));
                    Assert.Equal(round + 1, version);
                }
            }

            // The shared counter is contended by every task: conflicts must be detected, never lost.
            for (var i = 0; i < CounterIncrementsPerTask; i++)
            {
                while (true)
                {
                    var current = await Storage.ReadAsync(counter) ?? throw new InvalidOperationException("counter vanished");
                    var next = long.Parse(current.Payload) + 1;
                    try
                    {
                        await Storage.WriteAsync(new StateWrite(counter, next.ToString(), current.Version, [Event("Incremented")]));
                        break;
                    }
                    catch (InconsistentStateException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        foreach (var id in grains)
        {
            Assert.Equal(new StoredState($"{{\"round\":{WritesPerGrain - 1}}}", WritesPerGrain), await Storage.ReadAsync(id));
        }

        const int Increments = Tasks * CounterIncrementsPerTask;
        Assert.Equal(new StoredState(Increments.ToString(), Increments + 1), await Storage.ReadAsync(counter));

        var events = await ReadAllEventsAsync(start);
        AssertStrictlyIncreasing(events.Select(e => e.Position));
        Assert.Equal(grains.Length * WritesPerGrain + Increments, events.Count);
        Assert.Equal(Increments, events.Count(e => e.GrainKey == counter.GrainKey));
        foreach (var id in grains)
        {
            var own = events.Where(e => e.GrainKey == id.GrainKey).Select(e => e.EventType);
            Assert.Equal(Enumerable.Range(0, WritesPerGrain).Select(round => $"Round{round}"), own);
        }
    }
}
