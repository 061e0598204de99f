using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class InterleavingTests
{
    [Fact]
    public async Task A_normal_call_waits_while_another_call_of_a_non_reentrant_grain_is_awaiting()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IGateGrain>(Signals.Unique("gate"));

        var hold = Signals.Unique("hold");

        var holding = grain.Hold(hold);
        await Signals.WaitAsync($"{hold}:started");
        var waiting = grain.Normal("normal");
        Signals.Set($"{hold}:open");
        await Task.WhenAll(holding, waiting);

        Assert.Equal([$"{hold} start", $"{hold} end", "normal"], await grain.Log());
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_any_calls()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IReentrantGateGrain>(Signals.Unique("reentrant"));
        var first = Signals.Unique("first");
        var second = Signals.Unique("second");

        var a = grain.Hold(first);
        await Signals.WaitAsync($"{first}:started");
        var b = grain.Hold(second);
        await Signals.WaitAsync($"{second}:started");
        Assert.Equal("x", await grain.Normal("x"));
        Signals.Set($"{first}:open");
        Signals.Set($"{second}:open");
        await Task.WhenAll(a, b);

        var log = await grain.Log();
        Assert.Equal([$"{first} start", $"{second} start", "x"], log.Take(3));
    }

    [Fact]
    public async Task AlwaysInterleave_method_runs_while_a_normal_call_is_awaiting()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IGateGrain>(Signals.Unique("gate"));
        var hold = Signals.Unique("hold");

        var holding = grain.Hold(hold);
        await Signals.WaitAsync($"{hold}:started");
        Assert.Equal("through", await grain.Interleaved("through"));
        Signals.Set($"{hold}:open");
        await holding;

        Assert.Equal([$"{hold} start", "through", $"{hold} end"], await grain.Log());
    }

    [Fact]
    public async Task ReadOnly_calls_interleave_with_each_other_but_not_with_normal_calls()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IGateGrain>(Signals.Unique("gate"));
        var read1 = Signals.Unique("read1");
        var read2 = Signals.Unique("read2");
        var read3 = Signals.Unique("read3");

        var r1 = grain.ReadHold(read1);
        await Signals.WaitAsync($"{read1}:started");
        var r2 = grain.ReadHold(read2);
        await Signals.WaitAsync($"{read2}:started");

        // A normal call waits for both readers; a reader arriving after it keeps arrival order and waits too.
        var normal = grain.Normal("normal");
        var r3 = grain.ReadHold(read3);
        Signals.Set($"{read1}:open");
        Signals.Set($"{read2}:open");
        Signals.Set($"{read3}:open");
        await Task.WhenAll(r1, r2, normal, r3);

        var log = await grain.Log();
        Assert.Equal([$"{read1} start", $"{read2} start"], log.Take(2));
        Assert.Equal(["normal", $"{read3} start", $"{read3} end"], log.Skip(4));
    }
}
