using Orleans;
using Orleans.Storage;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>Faults inside a batch: nothing of the failing write remains, and only it fails.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task InjectedFaultBetweenStateWriteAndEventAppendLeavesNeitherAndLaterWritesWork()
    {
        var start = await LastPositionAsync();
        var faulty = NewId();
        Hooks.BeforeEventAppend = write => write.Id == faulty
            ? throw new InvalidOperationException("injected fault")
            : Task.CompletedTask;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Storage.WriteAsync(new StateWrite(faulty, "\"lost\"", 0, [Event("Lost")])));
        Assert.Equal("injected fault", error.Message);

        Assert.Null(await Storage.ReadAsync(faulty));
        Assert.Empty(await Storage.ReadEventsAsync(start, 100));

        var other = NewId();
        Assert.Equal(1, await Storage.WriteAsync(new StateWrite(other, "\"kept\"", 0, [Event("Kept")])));

        Hooks.BeforeEventAppend = null;
        Assert.Equal(1, await Storage.WriteAsync(new StateWrite(faulty, "\"now\"", 0, [Event("Now")])));

        var events = await Storage.ReadEventsAsync(start, 100);
        Assert.Equal(["Kept", "Now"], events.Select(e => e.EventType));
        Assert.Equal(new StoredState("\"now\"", 1), await Storage.ReadAsync(faulty));
    }

    [Fact]
    public async Task FaultInOneWriteOfABatchFailsOnlyThatWrite()
    {
        var start = await LastPositionAsync();
        var slow = NewId();
        var faulty = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.BeforeEventAppend = async write =>
        {
            if (write.Id == slow)
            {
                // Holds the writer so that the writes below queue up and are committed together in the next batch.
                await release.Task;
            }
            else if (write.Id == faulty)
            {
                throw new InvalidOperationException("injected fault");
            }
        };

        var slowWrite = Storage.WriteAsync(new StateWrite(slow, "\"slow\"", 0, [Event("Slow")]));
        var others = Enumerable.Range(0, 30).Select(_ => NewId()).ToArray();
        var writes = others.Take(15).Select(id => Storage.WriteAsync(new StateWrite(id, "\"ok\"", 0, [Event("Ok")]))).ToList();
        var faultyWrite = Storage.WriteAsync(new StateWrite(faulty, "\"bad\"", 0, [Event("Bad")]));
        writes.AddRange(others.Skip(15).Select(id => Storage.WriteAsync(new StateWrite(id, "\"ok\"", 0, [Event("Ok")]))));
        release.SetResult();

        Assert.Equal(1, await slowWrite);
        await Assert.ThrowsAsync<InvalidOperationException>(() => faultyWrite);
        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));

        Assert.Null(await Storage.ReadAsync(faulty));
        foreach (var id in others)
        {
            Assert.Equal(new StoredState("\"ok\"", 1), await Storage.ReadAsync(id));
        }

        var events = await Storage.ReadEventsAsync(start, 100);
        Assert.Equal(31, events.Count);
        Assert.DoesNotContain(events, e => e.GrainKey == faulty.GrainKey);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWriteRejectedByTheDatabaseLayerFailsAloneAndTheRestOfItsBatchCommits(bool holdTheWriter)
    {
        var start = await LastPositionAsync();
        var slow = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (holdTheWriter)
        {
            // Guarantees a shared batch; without the hook the provider's normal (hook-free) path runs instead.
            Hooks.BeforeEventAppend = write => write.Id == slow ? release.Task : Task.CompletedTask;
        }

        var slowWrite = Storage.WriteAsync(new StateWrite(slow, "\"slow\"", 0, [Event("Slow")]));
        var others = Enumerable.Range(0, 20).Select(_ => NewId()).ToArray();
        var writes = others.Take(10).Select(id => Storage.WriteAsync(new StateWrite(id, "\"ok\"", 0, [Event("Ok")]))).ToList();
        // A null event payload (possible from nullable-oblivious callers) is refused by the driver or by the NOT NULL
        // constraint: a real fault from the database layer rather than an injected one.
        var rejected = NewId();
        var rejectedWrite = Storage.WriteAsync(new StateWrite(rejected, "\"bad\"", 0, [new EventData("Bad", null!, null, Noon)]));
        writes.AddRange(others.Skip(10).Select(id => Storage.WriteAsync(new StateWrite(id, "\"ok\"", 0, [Event("Ok")]))));
        release.SetResult();

        Assert.Equal(1, await slowWrite);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => rejectedWrite);
        Assert.IsNotType<InconsistentStateException>(error);
        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));
        Assert.Null(await Storage.ReadAsync(rejected));
        Assert.Equal(21, (await Storage.ReadEventsAsync(start, 100)).Count);
    }
}
