using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.IWriterGrain")]
public interface IWriterGrain : IGrainWithStringKey
{
    Task<int> Write();
}

/// <summary>Stored state of the writer test grain.</summary>
public sealed class WriterState
{
    public int Writes { get; set; }
}

public sealed class WriterGrain([EventedState("writer")] IEventedState<WriterState> state) : Grain, IWriterGrain
{
    public async Task<int> Write()
    {
        state.State.Writes++;
        await state.WriteStateAsync([new DomainEvent("Written", new { state.State.Writes }, null)]);
        return state.State.Writes;
    }
}
