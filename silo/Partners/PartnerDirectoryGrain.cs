using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Partners;

/// <summary>Keeps the public list of partner organisations (one grain for the town; see <see cref="IPartnerDirectoryGrain"/>).</summary>
public sealed class PartnerDirectoryGrain([PersistentState("partners", LivingLabGrainStorage.Name)] IPersistentState<PartnerDirectoryState> state) : Grain, IPartnerDirectoryGrain
{
    public async Task<CommandResult> Put(PartnerSummary summary)
    {
        if (!Caller.IsAdmin)
        {
            return CommandResult.Reject("forbidden");
        }

        var entry = state.State.Partners.FirstOrDefault(p => p.Id == summary.Id);
        if (entry is not null && entry.Name == summary.Name && entry.Description == summary.Description && entry.Website == summary.Website)
        {
            return CommandResult.Ok;
        }

        if (entry is null)
        {
            entry = new PartnerSummaryState { Id = summary.Id };
            state.State.Partners.Add(entry);
        }

        entry.Name = summary.Name;
        entry.Description = summary.Description;
        entry.Website = summary.Website;

        // No events here: the partner grain records the change; this list is a copy of its public fields.
        await state.WriteStateAsync();

        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<PartnerSummary>> List()
    {
        IReadOnlyList<PartnerSummary> list = state.State.Partners.Select(p => new PartnerSummary(p.Id, p.Name, p.Description, p.Website)).ToArray();
        return Task.FromResult(list);
    }
}
