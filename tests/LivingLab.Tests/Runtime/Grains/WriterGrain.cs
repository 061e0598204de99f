using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface IWriterGrain : IGrainWithStringKey
{
    Task<int> Write();
}

/// <summary>Stored state of the writer test grain.</summary>
public sealed class WriterState
{
    public int Writes { get; set; }
}

public sealed class WriterGrain([PersistentState("writer")] IEventedState<WriterState> state) : Grain, IWriterGrain
{
    public async Task<int> Write()
    {
        state.State.Writes++;
        await state.WriteStateAsync([new DomainEvent("Written", new { state.State.Writes }, null)]);
        return state.State.Writes;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Signals.Set($"writer-deactivated:{GetPrimaryKeyString()}", reason);
        return Task.CompletedTask;
    }
}
