using System.Collections.Concurrent;
using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    [ReadOnly]
    Task<int> Get();

    Task<string?> Etag();

    Task Clear();

    Task<bool> RecordExists();

    Task SetBlob(int characters);

    Task Deactivate();

    Task<int> ValueSeenOnActivate();
}

/// <summary>Stored state of the counter test grain.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string? Blob { get; set; }
}

public sealed class CounterGrain([EventedState("counter")] IEventedState<CounterState> state) : Grain, ICounterGrain
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();
    public static readonly ConcurrentDictionary<string, int> Deactivations = new();
    private int valueOnActivate = -1;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        valueOnActivate = state.State.Value;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Deactivations.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        Signals.Set($"deactivated:{this.GetPrimaryKeyString()}", reason);
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync([new DomainEvent("Incremented", new { state.State.Value }, "tester")]);
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<string?> Etag() => Task.FromResult(state.Etag);

    public Task Clear() => state.ClearStateAsync();

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);

    public async Task SetBlob(int characters)
    {
        var previous = state.State.Blob;
        state.State.Blob = new string('x', characters);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A refused write must not leave the refused value behind in memory.
            state.State.Blob = previous;
            throw;
        }
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> ValueSeenOnActivate() => Task.FromResult(valueOnActivate);
}
