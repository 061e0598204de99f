using LivingLab.Runtime;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class DeadlockAndTimeoutTests
{
    [Fact]
    public async Task A_to_B_to_A_cycle_between_non_reentrant_grains_fails_at_once_naming_the_cycle()
    {
        // The manual clock never moves here, so the call timeout cannot fire: only cycle detection can end the call.
        await using var silo = await TestSilo.StartAsync();
        var a = Signals.Unique("A");
        var b = Signals.Unique("B");

        var failure = await Assert.ThrowsAsync<DeadlockException>(
            () => silo.Grain<IChainGrain>(a).CallThroughAndBack(b).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains($"IChainGrain/{a} → IChainGrain/{b} → IChainGrain/{a}", failure.Message);
        Assert.Equal([a, b, a], failure.Cycle.Select(g => g.Key));

        // Nothing is left stuck: A answers the next call.
        Assert.Equal($"pong from {a}", await silo.Grain<IChainGrain>(a).Ping());
    }

    [Fact]
    public async Task A_to_B_to_A_cycle_succeeds_when_the_grains_are_reentrant()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = Signals.Unique("A");

        var answer = await silo.Grain<IReentrantChainGrain>(a).CallThroughAndBack(Signals.Unique("B"));

        Assert.Equal($"pong from {a}", answer);
    }

    [Fact]
    public async Task A_call_that_runs_past_its_timeout_fails_with_TimeoutException()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.DefaultCallTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grain<ISlowGrain>(Signals.Unique("slow"));
        var signal = Signals.Unique("hang");

        var hanging = grain.Hang(signal);
        await Signals.WaitAsync($"{signal}:started");
        silo.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(hanging.IsCompleted);
        silo.Clock.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("ISlowGrain", timeout.Message);
        Signals.Set($"{signal}:open");
    }

    [Fact]
    public async Task A_queued_call_behind_a_hung_call_times_out_too()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.DefaultCallTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grain<ISlowGrain>(Signals.Unique("slow"));
        var signal = Signals.Unique("hang");

        var hanging = grain.Hang(signal);
        await Signals.WaitAsync($"{signal}:started");
        var queued = grain.Ping();
        silo.Clock.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<TimeoutException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(10)));

        // Once the hung call ends, the grain serves calls again.
        Signals.Set($"{signal}:open");
        Assert.Equal(1, await grain.Ping().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
