using Orleans.Storage;
using LivingLab.Storage;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class PersistenceTests
{
    [Fact]
    public async Task State_is_written_read_back_by_a_new_activation_and_cleared()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        var key = Signals.Unique("counter");
        await using (var silo = await TestSilo.StartAsync(path))
        {
            var grain = silo.Grain<ICounterGrain>(key);
            Assert.False(await grain.RecordExists());
            Assert.Null(await grain.Etag());
            await grain.Increment();
            await grain.Increment();
            Assert.True(await grain.RecordExists());
            Assert.Equal("2", await grain.Etag());
        }

        await using (var silo = await TestSilo.StartAsync(path))
        {
            var grain = silo.Grain<ICounterGrain>(key);
            Assert.Equal(2, await grain.Get());
            await grain.Clear();
            Assert.False(await grain.RecordExists());
            Assert.Equal(0, await grain.Get());
            Assert.Null(await silo.Storage.ReadAsync(new StateId(typeof(ICounterGrain).FullName!, key, "counter")));
        }
    }

    [Fact]
    public async Task Each_write_appends_its_events_with_the_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var start = (await silo.Storage.ReadEventsAsync(0, int.MaxValue)).Count;

        await silo.Grain<ICounterGrain>(key).Increment();
        await silo.Grain<ICounterGrain>(key).Increment();

        var events = (await silo.Storage.ReadEventsAsync(0, int.MaxValue)).Skip(start).Where(e => e.GrainKey == key).ToList();
        Assert.Equal(["Incremented", "Incremented"], events.Select(e => e.EventType));
        Assert.Equal("""{"value":2}""", events[1].Payload);
        Assert.All(events, e => Assert.Equal("tester", e.ActorId));
        Assert.All(events, e => Assert.Equal(typeof(ICounterGrain).FullName, e.GrainType));
    }

    [Fact]
    public async Task A_stale_etag_throws_InconsistentStateException_and_the_next_call_reloads_the_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);
        await grain.Increment();

        // Another writer (another node, say) moves the stored state on behind the activation's back.
        var id = new StateId(typeof(ICounterGrain).FullName!, key, "counter");
        await silo.Storage.WriteAsync(new StateWrite(id, """{"value":10}""", 1, []));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment());
        await Signals.WaitAsync($"deactivated:{key}");

        Assert.Equal(10, await grain.Get());
        Assert.Equal(11, await grain.Increment());
    }
}
