using Orleans;
using Orleans.Runtime;
using LivingLab.Storage;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class BadInputTests
{
    [Fact]
    public async Task An_unknown_grain_interface_is_refused_with_a_message_naming_it()
    {
        await using var silo = await TestSilo.StartAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => silo.Grain<IUnimplementedGrain>("x").Ping());

        Assert.Contains(nameof(IUnimplementedGrain), refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await silo.Grain<ICounterGrain>(Signals.Unique("counter")).Increment());
    }

    [Fact]
    public async Task A_state_payload_over_one_MiB_is_refused_and_nothing_is_written()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);
        await grain.Increment();

        var refused = await Assert.ThrowsAsync<StatePayloadTooLargeException>(() => grain.SetBlob(1024 * 1024 + 1));

        Assert.Contains("counter", refused.Message);
        Assert.Contains("1,048,576", refused.Message);
        var reason = (DeactivationReason)(await Signals.WaitAsync($"deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);
        var stored = await silo.Storage.ReadAsync(new StateId(typeof(ICounterGrain).FullName!, key, "counter"));
        Assert.Equal(1, stored!.Version);
        Assert.Equal(2, await grain.Increment());
        await grain.SetBlob(1000);
    }

    [Fact]
    public async Task A_failed_write_drops_the_activation_so_the_next_call_reads_what_is_stored()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("counter");
        var grain = silo.Grain<ICounterGrain>(key);
        await grain.Increment();
        var hooks = (IStorageFaultHooks)silo.Storage;
        hooks.BeforeEventAppend = _ => throw new IOException("disk went away");

        await Assert.ThrowsAsync<IOException>(() => grain.Increment());
        hooks.BeforeEventAppend = null;

        // The failed call had already counted 2 in memory; the store still holds 1, and that is what the grain says now.
        var reason = (DeactivationReason)(await Signals.WaitAsync($"deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);
        Assert.Equal(1, await grain.Get());
        Assert.Equal(2, await grain.Increment());
    }

    [Fact]
    public async Task Corrupt_stored_json_fails_only_that_activation_with_a_message_naming_grain_and_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var broken = Signals.Unique("broken");
        await silo.Storage.WriteAsync(new StateWrite(
            new StateId(typeof(ICounterGrain).FullName!, broken, "counter"), "{\"value\": 1, oops", 0, []));

        var failure = await Assert.ThrowsAsync<CorruptStateException>(() => silo.Grain<ICounterGrain>(broken).Get());

        Assert.Contains($"ICounterGrain/{broken}", failure.Message);
        Assert.Contains("'counter'", failure.Message);
        Assert.Equal(1, await silo.Grain<ICounterGrain>(Signals.Unique("healthy")).Increment());

        // The failure is not cached: once the data is repaired the grain works.
        await silo.Storage.WriteAsync(new StateWrite(
            new StateId(typeof(ICounterGrain).FullName!, broken, "counter"), """{"value":5}""", 1, []));
        Assert.Equal(5, await silo.Grain<ICounterGrain>(broken).Get());
    }
}
