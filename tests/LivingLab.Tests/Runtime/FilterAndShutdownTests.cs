using System.Collections.Concurrent;
using LivingLab.Runtime;
using LivingLab.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.Runtime;

public sealed class FilterAndShutdownTests
{
    [Fact]
    public async Task Incoming_call_filters_see_every_call_with_the_callers_request_context()
    {
        var filter = new RecordingFilter();
        await using var silo = await TestSilo.StartAsync(configureServices: s => s.AddSingleton<IIncomingGrainCallFilter>(filter));
        var a = Signals.Unique("A");
        var b = Signals.Unique("B");

        RequestContext.Set("caller", "resident-7");
        await silo.Grain<ICounterGrain>(a).Increment();
        await silo.Grain<ICounterGrain>(a).Increment();
        await silo.Grain<IReentrantChainGrain>(a).CallThroughAndBack(b);
        RequestContext.Clear();

        var seen = filter.Calls.ToList();
        Assert.Equal(
            [
                $"ICounterGrain/{a}.Increment by resident-7",
                $"ICounterGrain/{a}.Increment by resident-7",
                $"IReentrantChainGrain/{a}.CallThroughAndBack by resident-7",
                $"IReentrantChainGrain/{b}.CallBack by resident-7",
                $"IReentrantChainGrain/{a}.Ping by resident-7",
            ],
            seen);
    }

    [Fact]
    public async Task A_filter_can_see_and_replace_the_result()
    {
        var filter = new RecordingFilter { Replace = 99 };
        await using var silo = await TestSilo.StartAsync(configureServices: s => s.AddSingleton<IIncomingGrainCallFilter>(filter));

        Assert.Equal(99, await silo.Grain<ICounterGrain>(Signals.Unique("counter")).Increment());
        Assert.Equal(1, filter.LastResult);
    }

    [Fact]
    public async Task Graceful_shutdown_deactivates_every_grain_and_leaves_no_write_half_done()
    {
        var silo = await TestSilo.StartAsync();
        var keys = Enumerable.Range(0, 40).Select(_ => Signals.Unique("writer")).ToArray();
        var calls = keys.SelectMany(k => Enumerable.Range(0, 10).Select(_ => silo.Grain<IWriterGrain>(k).Write())).ToArray();

        await silo.DisposeAsync();

        // Every call that was accepted before shutdown finished, and every grain said goodbye.
        var acknowledged = (await Task.WhenAll(calls)).Length;
        Assert.Equal(400, acknowledged);
        foreach (var key in keys)
        {
            var reason = (DeactivationReason)(await Signals.WaitAsync($"writer-deactivated:{key}"))!;
            Assert.Equal(DeactivationReasonCode.ShuttingDown, reason.ReasonCode);
        }

        Assert.Equal(0, silo.Runtime.ActivationCount);

        // The store agrees with what was acknowledged: each state's version equals its event count.
        await using var reopened = await TestSilo.StartAsync(silo.DatabasePath);
        var events = await reopened.Storage.ReadEventsAsync(0, int.MaxValue);
        foreach (var key in keys)
        {
            var stored = await reopened.Storage.ReadAsync(new LivingLab.Storage.StateId(typeof(IWriterGrain).FullName!, key, "writer"));
            Assert.NotNull(stored);
            Assert.Equal(10, stored.Version);
            Assert.Equal(10, events.Count(e => e.GrainKey == key));
        }
    }

    [Fact]
    public async Task Calls_after_shutdown_are_refused_with_a_clear_message()
    {
        var silo = await TestSilo.StartAsync();
        await silo.DisposeAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grain<ICounterGrain>("late").Increment());
        Assert.Contains("shutting down", refused.Message);
    }

    private sealed class RecordingFilter : IIncomingGrainCallFilter
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public int? Replace { get; init; }

        public object? LastResult { get; private set; }

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            Calls.Enqueue($"{context.TargetId}.{context.MethodName} by {RequestContext.Get("caller")}");
            await context.Invoke();
            LastResult = context.Result;
            if (Replace is { } replacement)
            {
                context.Result = replacement;
            }
        }
    }
}
