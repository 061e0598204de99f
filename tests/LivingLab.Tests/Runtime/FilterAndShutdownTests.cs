using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
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
    public async Task Graceful_shutdown_under_load_loses_no_acknowledged_write_and_leaves_none_half_done()
    {
        var silo = await TestSilo.StartAsync();
        var keys = Enumerable.Range(0, 40).Select(_ => Signals.Unique("writer")).ToArray();
        var calls = keys.SelectMany(k => Enumerable.Range(0, 10).Select(_ => silo.Grain<IWriterGrain>(k).Write())).ToArray();

        await silo.DisposeAsync();

        // Every call either was acknowledged or failed. (Orleans does not promise OnDeactivateAsync at shutdown; the data is what counts.)
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }));
        Assert.Contains(true, outcomes);
        var acknowledged = keys.Select((key, i) => outcomes.Skip(i * 10).Take(10).Count(ok => ok)).ToArray();
        // The store holds every acknowledged write, and nothing half: each state's version equals its event count.
        await using var reopened = await TestSilo.StartAsync(silo.DatabasePath);
        var events = await reopened.Storage.ReadEventsAsync(0, int.MaxValue);
        for (var i = 0; i < keys.Length; i++)
        {
            var stored = await reopened.Storage.ReadAsync(new LivingLab.Storage.StateId(typeof(IWriterGrain).FullName!, keys[i], "writer"));
            var version = stored?.Version ?? 0;
            Assert.True(version >= acknowledged[i], $"{keys[i]}: {acknowledged[i]} writes acknowledged, {version} stored");
            Assert.Equal(version, events.Count(e => e.GrainKey == keys[i]));
        }
    }

    [Fact]
    public async Task Calls_after_shutdown_fail_instead_of_hanging()
    {
        var silo = await TestSilo.StartAsync();
        await silo.DisposeAsync();

        // A call to a stopped silo fails at once instead of waiting for a response that never comes.
        await Assert.ThrowsAnyAsync<Exception>(() => silo.Grain<ICounterGrain>("late").Increment().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private sealed class RecordingFilter : IIncomingGrainCallFilter
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public int? Replace { get; init; }

        public object? LastResult { get; private set; }

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            // Orleans' own system grains (membership, reminders) pass the filter too; the test watches its own grains.
            var ours = context.InterfaceMethod.DeclaringType?.Namespace?.StartsWith("LivingLab", StringComparison.Ordinal) == true;
            if (ours)
            {
                Calls.Enqueue($"{context.InterfaceMethod.DeclaringType!.Name}/{context.TargetId.Key}.{context.MethodName} by {RequestContext.Get("caller")}");
            }

            await context.Invoke();
            if (!ours)
            {
                return;
            }

            LastResult = context.Result;
            if (Replace is { } replacement)
            {
                context.Result = replacement;
            }
        }
    }
}
