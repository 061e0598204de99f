using LivingLab.Runtime;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task First_call_activates_the_grain_and_identity_is_interface_and_key()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        Assert.Equal(0, silo.Runtime.ActivationCount);

        var first = silo.Grain<ICounterGrain>(key);
        Assert.Equal(0, silo.Runtime.ActivationCount);
        await first.Increment();
        Assert.Equal(1, silo.Runtime.ActivationCount);

        // A second reference to the same (interface, key) reaches the same activation and state.
        Assert.Equal(2, await silo.Grain<ICounterGrain>(key).Increment());
        Assert.Equal(first, silo.Grain<ICounterGrain>(key));
        Assert.Equal(1, CounterGrain.Activations[key]);

        // Another key, or another interface with the same key, is another grain.
        await silo.Grain<ICounterGrain>(key + "-other").Increment();
        await silo.Grain<ISequenceGrain>(key).Append(1);
        Assert.Equal(3, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task A_thousand_concurrent_first_calls_to_one_key_produce_exactly_one_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("crowd");

        var calls = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => silo.Grain<ICounterGrain>(key).Get()))
            .ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(1, CounterGrain.Activations[key]);
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_unchanged_and_the_activation_stays_alive()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IFaultyGrain>(Signals.Unique("faulty"));
        var constructedBefore = Volatile.Read(ref FaultyGrain.Constructed);

        var afterAwait = await Assert.ThrowsAsync<GrainRuleException>(() => grain.ThrowAfterAwait("rule broken later"));
        Assert.Equal("rule broken later", afterAwait.Message);
        var atOnce = await Assert.ThrowsAsync<GrainRuleException>(() => grain.ThrowAtOnce("rule broken at once"));
        Assert.Equal("rule broken at once", atOnce.Message);

        // The same instance answers: its in-memory call count kept growing.
        Assert.Equal(3, await grain.CallsSoFar());
        Assert.Equal(constructedBefore + 1, Volatile.Read(ref FaultyGrain.Constructed));
    }
}
