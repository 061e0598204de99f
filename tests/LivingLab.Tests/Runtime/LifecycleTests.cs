using LivingLab.Runtime;
using LivingLab.Storage;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task OnActivateAsync_runs_after_state_is_read()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        await silo.Storage.WriteAsync(new StateWrite(
            new StateId(typeof(ICounterGrain).FullName!, key, "counter"), """{"value":41}""", 0, []));

        var grain = silo.Grain<ICounterGrain>(key);

        Assert.Equal(41, await grain.ValueSeenOnActivate());
        Assert.Equal(42, await grain.Increment());
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_makes_a_new_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);
        await grain.Increment();

        await grain.Deactivate();
        var reason = (DeactivationReason)(await Signals.WaitAsync($"deactivated:{key}"))!;

        Assert.Equal(DeactivationReasonCode.ApplicationRequested, reason.ReasonCode);
        Assert.Equal(2, await grain.Increment());
        Assert.Equal(2, CounterGrain.Activations[key]);
        Assert.Equal(1, CounterGrain.Deactivations[key]);
    }

    [Fact]
    public async Task Calls_that_arrive_while_a_grain_deactivates_are_forwarded_to_a_new_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);
        await grain.Increment();

        var deactivating = grain.Deactivate();
        var forwarded = Enumerable.Range(0, 20).Select(_ => grain.Increment()).ToArray();
        await deactivating;
        var results = await Task.WhenAll(forwarded);

        Assert.Equal(Enumerable.Range(2, 20), results.Order());
        Assert.Equal(2, CounterGrain.Activations[key]);
        Assert.Equal(1, CounterGrain.Deactivations[key]);
    }

    [Fact]
    public async Task Idle_activation_is_collected_after_the_collection_age_on_the_injected_clock()
    {
        await using var silo = await TestSilo.StartAsync(options: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(15);
            o.CollectionInterval = TimeSpan.FromMinutes(1);
        });
        var key = Signals.Unique("counter");
        await silo.Grain<ICounterGrain>(key).Increment();

        silo.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(CounterGrain.Deactivations.ContainsKey(key));
        Assert.Equal(1, silo.Runtime.ActivationCount);

        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        var reason = (DeactivationReason)(await Signals.WaitAsync($"deactivated:{key}"))!;

        Assert.Equal(DeactivationReasonCode.ActivationIdle, reason.ReasonCode);
        Assert.Equal(1, await silo.Grain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task A_grain_in_use_is_not_collected()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.CollectionAge = TimeSpan.FromMinutes(15));
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);

        for (var minute = 0; minute < 30; minute += 5)
        {
            await grain.Increment();
            silo.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.False(CounterGrain.Deactivations.ContainsKey(key));
        Assert.Equal(1, CounterGrain.Activations[key]);
    }
}
