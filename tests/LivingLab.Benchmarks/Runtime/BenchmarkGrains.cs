using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;

namespace LivingLab.Benchmarks.Runtime;

[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    Task Ping();

    Task<int> Count();

    /// <summary>Returns its argument: an [Immutable] record crosses the call without being copied.</summary>
    Task<ImmutablePayload> Echo(ImmutablePayload payload);

    /// <summary>Returns its argument: a mutable class is deep-copied on the way in and on the way out.</summary>
    Task<CopiedPayload> EchoCopied(CopiedPayload payload);
}

/// <summary>A result the size of a challenge's details, marked immutable as the project's records are.</summary>
[GenerateSerializer, Immutable, Alias("bench.ImmutablePayload")]
public sealed record ImmutablePayload(string Title, string Body, IReadOnlyList<string> Tags);

/// <summary>The same shape without [Immutable]: what a record crossing a grain boundary costs when Orleans must copy it.</summary>
[GenerateSerializer, Alias("bench.CopiedPayload")]
public sealed class CopiedPayload
{
    [Id(0)]
    public string Title { get; set; } = "";

    [Id(1)]
    public string Body { get; set; } = "";

    [Id(2)]
    public List<string> Tags { get; set; } = [];
}

/// <summary>Completes every call synchronously, so a benchmark sees only the runtime's cost of a call.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int count;

    public Task Ping()
    {
        count++;
        return Task.CompletedTask;
    }

    public Task<int> Count() => Task.FromResult(++count);

    public Task<ImmutablePayload> Echo(ImmutablePayload payload) => Task.FromResult(payload);

    public Task<CopiedPayload> EchoCopied(CopiedPayload payload) => Task.FromResult(payload);
}

[Alias("bench.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithStringKey
{
    Task Touch();
}

/// <summary>No state and no fields of its own: what an activation retains beyond this object is the runtime's overhead.</summary>
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task Touch() => Task.CompletedTask;
}

[Alias("bench.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and stores it with one event; completes once durable.</summary>
    Task<int> Increment();
}

/// <summary>The counter's stored state.</summary>
public sealed class BenchCounterState
{
    public int Value { get; set; }
}

/// <summary>A durable write through the evented-state facet: state and one event in one transaction, as every grain writes.</summary>
public sealed class CounterGrain([EventedState("counter")] IEventedState<BenchCounterState> state) : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync([new DomainEvent("Incremented", new { state.State.Value }, null)]);
        return state.State.Value;
    }
}
