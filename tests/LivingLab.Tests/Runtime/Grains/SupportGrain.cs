using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.ISupportGrain")]
public interface ISupportGrain : IGrainWithStringKey
{
    Task<int> Support(string member, string note);

    Task<int> Withdraw(string member);

    Task SupportWithBlob(string member, int characters);

    Task SupportWithoutMember();

    [ReadOnly]
    Task<int> Count();

    [ReadOnly]
    Task<IReadOnlyList<GrainRow>> Supporters();

    [ReadOnly]
    Task<GrainRow?> Supporter(string member);

    Task Deactivate();
}

/// <summary>Stored state of the support test grain: a count, with the supporters themselves in a row set.</summary>
public sealed class SupportState
{
    public int Count { get; set; }

    public string? Blob { get; set; }
}

public sealed class SupportGrain([EventedState("support")] IEventedState<SupportState> state) : Grain, ISupportGrain
{
    public const string Set = "supporters";

    public async Task<int> Support(string member, string note)
    {
        if (await state.ReadRowAsync(Set, member) is null)
        {
            state.State.Count++;
        }

        await state.WriteStateAsync([new DomainEvent("Supported", new { member }, member)], [new RowChange(Set, member, note)]);
        return state.State.Count;
    }

    public async Task<int> Withdraw(string member)
    {
        if (await state.ReadRowAsync(Set, member) is not null)
        {
            state.State.Count--;
        }

        await state.WriteStateAsync([new DomainEvent("Withdrawn", new { member }, member)], [new RowChange(Set, member, null)]);
        return state.State.Count;
    }

    public Task SupportWithBlob(string member, int characters)
    {
        state.State.Count++;
        state.State.Blob = new string('x', characters);
        return state.WriteStateAsync([], [new RowChange(Set, member, "blob")]);
    }

    public Task SupportWithoutMember()
    {
        state.State.Count++;
        return state.WriteStateAsync([], [new RowChange(Set, "fine", "1"), new RowChange(Set, null!, "2")]);
    }

    public Task<int> Count() => Task.FromResult(state.State.Count);

    public Task<IReadOnlyList<GrainRow>> Supporters() => state.ReadRowsAsync(Set);

    public Task<GrainRow?> Supporter(string member) => state.ReadRowAsync(Set, member);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Signals.Set($"support-deactivated:{this.GetPrimaryKeyString()}", reason);
        return Task.CompletedTask;
    }
}
