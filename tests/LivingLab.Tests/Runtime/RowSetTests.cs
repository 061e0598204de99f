using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using LivingLab.Storage;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

/// <summary>Row sets through the real runtime: written with the grain's state, read back by later activations, never half written.</summary>
public sealed class RowSetTests
{
    [Fact]
    public async Task Rows_survive_deactivation_and_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        var key = Signals.Unique("support");
        await using (var silo = await TestSilo.StartAsync(path))
        {
            var grain = silo.Grain<ISupportGrain>(key);
            Assert.Equal(1, await grain.Support("user-b", "ベンチ"));
            Assert.Equal(2, await grain.Support("user-a", "木陰"));
            Assert.Equal(2, await grain.Support("user-a", "木陰と水飲み場"));
            Assert.Equal(3, await grain.Support("user-c", "🌳"));
            Assert.Equal(2, await grain.Withdraw("user-b"));

            await grain.Deactivate();
            await Signals.WaitAsync($"support-deactivated:{key}");

            Assert.Equal(2, await grain.Count());
            Assert.Equal([new GrainRow("user-a", "木陰と水飲み場"), new GrainRow("user-c", "🌳")], await grain.Supporters());
        }

        await using (var silo = await TestSilo.StartAsync(path))
        {
            var grain = silo.Grain<ISupportGrain>(key);
            Assert.Equal(2, await grain.Count());
            Assert.Equal([new GrainRow("user-a", "木陰と水飲み場"), new GrainRow("user-c", "🌳")], await grain.Supporters());
            Assert.Equal(new GrainRow("user-c", "🌳"), await grain.Supporter("user-c"));
            Assert.Null(await grain.Supporter("user-b"));

            // Rows belong to the grain: the storage contract reads them by grain type and key, whatever the state name.
            Assert.Equal(2, (await silo.Storage.ReadRowsAsync(typeof(ISupportGrain).FullName!, key, SupportGrain.Set)).Count);
            Assert.Empty(await silo.Grain<ISupportGrain>(Signals.Unique("support")).Supporters());
        }
    }

    [Fact]
    public async Task A_stale_write_leaves_no_row_and_the_next_call_reloads_the_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("support");
        var grain = silo.Grain<ISupportGrain>(key);
        await grain.Support("user-a", "first");

        // Another node moves the stored state on behind this activation's back.
        var id = new StateId(typeof(ISupportGrain).FullName!, key, "support");
        await silo.Storage.WriteAsync(new StateWrite(id, """{"count":10}""", 1, []));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Support("user-b", "lost"));
        var reason = (DeactivationReason)(await Signals.WaitAsync($"support-deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);

        Assert.Null(await silo.Storage.ReadRowAsync(id.GrainType, key, SupportGrain.Set, "user-b"));
        Assert.Equal(10, await grain.Count());
        Assert.Equal(11, await grain.Support("user-b", "kept"));
        Assert.Equal([new GrainRow("user-a", "first"), new GrainRow("user-b", "kept")], await grain.Supporters());
    }

    [Fact]
    public async Task A_failed_write_leaves_no_row_and_drops_the_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("support");
        var grain = silo.Grain<ISupportGrain>(key);
        await grain.Support("user-a", "first");
        var hooks = (IStorageFaultHooks)silo.Storage;
        hooks.BeforeEventAppend = _ => throw new IOException("disk went away");

        await Assert.ThrowsAsync<IOException>(() => grain.Support("user-b", "lost"));
        hooks.BeforeEventAppend = null;

        var reason = (DeactivationReason)(await Signals.WaitAsync($"support-deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);
        Assert.Equal(1, await grain.Count());
        Assert.Equal([new GrainRow("user-a", "first")], await grain.Supporters());
        Assert.Equal(2, await grain.Support("user-b", "kept"));
    }

    [Fact]
    public async Task The_payload_limit_applies_to_the_state_only_and_a_refused_state_writes_no_row()
    {
        await using var silo = await TestSilo.StartAsync(limits: o => o.MaxStatePayloadBytes = 4096);
        var key = Signals.Unique("support");
        var grain = silo.Grain<ISupportGrain>(key);
        var longNote = new string('長', 10_000);

        Assert.Equal(1, await grain.Support("user-a", longNote));
        await Assert.ThrowsAsync<StatePayloadTooLargeException>(() => grain.SupportWithBlob("user-b", 5000));

        var reason = (DeactivationReason)(await Signals.WaitAsync($"support-deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);
        Assert.Equal([new GrainRow("user-a", longNote)], await grain.Supporters());
        Assert.Equal(1, await grain.Count());
    }

    [Fact]
    public async Task A_row_change_without_a_member_is_refused_whole()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("support");
        var grain = silo.Grain<ISupportGrain>(key);
        await grain.Support("user-a", "first");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => grain.SupportWithoutMember());

        Assert.Contains("no set or member", refused.Message);
        var reason = (DeactivationReason)(await Signals.WaitAsync($"support-deactivated:{key}"))!;
        Assert.Equal(DeactivationReasonCode.ApplicationError, reason.ReasonCode);
        Assert.Equal([new GrainRow("user-a", "first")], await grain.Supporters());
        Assert.Equal(1, await grain.Count());
    }
}
