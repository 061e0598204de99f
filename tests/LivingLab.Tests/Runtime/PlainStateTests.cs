using LivingLab.Storage;
using LivingLab.Tests.Runtime.Grains;
using Orleans.Storage;

namespace LivingLab.Tests.Runtime;

/// <summary>Orleans' own [PersistentState] over the project's storage provider ("livinglab"), through a real silo, on both stores.</summary>
public abstract class PlainStateTests(string provider)
{
    private static readonly string GrainType = typeof(IPlainGrain).FullName!;

    [Fact]
    public async Task State_is_written_read_back_after_a_restart_and_cleared()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        var key = Signals.Unique("plain");
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = silo.Grain<IPlainGrain>(key);
            Assert.Equal((false, null), await grain.Record());
            await grain.Write("公園のベンチ");
            await grain.Write("駐輪場");
            Assert.Equal((true, "2"), await grain.Record());
        }

        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = silo.Grain<IPlainGrain>(key);
            Assert.Equal("駐輪場", await grain.Read());
            await grain.Clear();
            Assert.Equal((false, null), await grain.Record());
            Assert.Null(await grain.Read());
            Assert.Null(await silo.Storage.ReadAsync(new StateId(GrainType, key, "plain")));
        }
    }

    [Fact]
    public async Task A_stale_etag_is_refused_with_InconsistentStateException_and_the_next_activation_reads_the_store()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var key = Signals.Unique("plain");
        var grain = silo.Grain<IPlainGrain>(key);
        await grain.Write("first");

        // Another node moves the stored state on behind this activation's back.
        await silo.Storage.WriteAsync(new StateWrite(new StateId(GrainType, key, "plain"), """{"text":"elsewhere"}""", 1, []));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("stale"));
        Assert.Equal("elsewhere", await WaitForAsync(grain, "elsewhere"));
        await grain.Write("after");
        Assert.Equal((true, "3"), await grain.Record());
    }

    [Fact]
    public async Task A_state_over_one_MiB_is_refused_and_nothing_is_written()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var key = Signals.Unique("plain");
        var grain = silo.Grain<IPlainGrain>(key);
        await grain.Write("small");

        // Orleans' state bridge wraps a provider's refusal in an OrleansException that names the provider; ours is inside.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => grain.Write(new string('x', 1024 * 1024)));
        var refused = Assert.IsType<StatePayloadTooLargeException>(failure as StatePayloadTooLargeException ?? failure.InnerException);

        Assert.Contains("'plain'", refused.Message);
        Assert.Contains("1,048,576", refused.Message);
        Assert.Equal(1, (await silo.Storage.ReadAsync(new StateId(GrainType, key, "plain")))!.Version);
        Assert.Equal("small", await grain.Read());
    }

    [Fact]
    public async Task A_corrupt_stored_payload_fails_only_that_activation_with_a_message_naming_grain_and_state()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var broken = Signals.Unique("broken");
        await silo.Storage.WriteAsync(new StateWrite(new StateId(GrainType, broken, "plain"), "{\"text\": oops", 0, []));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => silo.Grain<IPlainGrain>(broken).Read());

        var message = failure.ToString();
        Assert.Contains($"IPlainGrain/{broken}", message);
        Assert.Contains("'plain'", message);
        await silo.Grain<IPlainGrain>(Signals.Unique("healthy")).Write("fine");
    }

    // Orleans drops the stale activation once the failed call has returned; the next activation reads the store.
    private static async Task<string?> WaitForAsync(IPlainGrain grain, string expected)
    {
        string? seen = null;
        for (var attempt = 0; attempt < 100 && seen != expected; attempt++)
        {
            seen = await grain.Read();
            if (seen != expected)
            {
                await Task.Delay(50);
            }
        }

        return seen;
    }
}

public sealed class SqlitePlainStateTests() : PlainStateTests("Sqlite");

public sealed class PostgresPlainStateTests() : PlainStateTests("Postgres");
