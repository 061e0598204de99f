using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Calls_run_one_at_a_time_in_arrival_order_even_when_the_grain_awaits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ISequenceGrain>(Signals.Unique("sequence"));

        var calls = Enumerable.Range(0, 50).Select(grain.Append).ToArray();
        await Task.WhenAll(calls);

        var expected = Enumerable.Range(0, 50).SelectMany(i => new[] { $"start {i}", $"end {i}" });
        Assert.Equal(expected, await grain.Log());
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task Calls_from_many_threads_never_overlap_inside_one_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("sequence");

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => silo.Grain<ISequenceGrain>(key).Append(i))).ToArray();
        await Task.WhenAll(calls);

        var grain = silo.Grain<ISequenceGrain>(key);
        Assert.Equal(1, await grain.MaxConcurrency());
        var log = await grain.Log();
        Assert.Equal(400, log.Count);
        for (var i = 0; i < log.Count; i += 2)
        {
            Assert.Equal(log[i].Replace("start", "end"), log[i + 1]);
        }
    }
}
