using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Partners;

/// <summary>A partner organisation. Checks that the caller is an admin for every change, not only at the endpoint.</summary>
public sealed class PartnerGrain(
    [EventedState("partner")] IEventedState<PartnerState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IPartnerGrain
{
    private bool IsCreated => state.State.Name is not null;

    private string Id => this.GetPrimaryKeyString();

    public Task<CommandResult<PartnerDetails>> Create(PartnerInput input) => Save(input, creating: true);

    public Task<CommandResult<PartnerDetails>> Update(PartnerInput input) => Save(input, creating: false);

    public Task<PartnerDetails?> Get() => Task.FromResult(IsCreated ? Details(MaySeeContact()) : null);

    public Task<bool> Exists() => Task.FromResult(IsCreated);

    private async Task<CommandResult<PartnerDetails>> Save(PartnerInput input, bool creating)
    {
        if (!Caller.IsAdmin)
        {
            return CommandResult<PartnerDetails>.Reject("forbidden");
        }

        if (creating == IsCreated)
        {
            return CommandResult<PartnerDetails>.Reject(creating ? "alreadyExists" : "notFound");
        }

        if (PartnerRules.Check(input) is { } problem)
        {
            return new CommandResult<PartnerDetails>(null, problem);
        }

        var clean = PartnerRules.Normalize(input);
        var unchanged = !creating && clean.Name == state.State.Name && clean.Description == state.State.Description
            && clean.Website == state.State.Website && clean.Contact == state.State.Contact;
        if (!unchanged)
        {
            state.State.Name = clean.Name;
            state.State.Description = clean.Description!;
            state.State.Website = clean.Website!;
            state.State.Contact = clean.Contact!;
            state.State.Created ??= clock.GetUtcNow();

            // Events carry public fields only: the event log feeds read models and exports, and the contact is private.
            var type = creating ? "PartnerCreated" : "PartnerUpdated";
            await state.WriteStateAsync([new DomainEvent(type, new { PartnerId = Id, clean.Name, clean.Website }, Caller.Id)]);
        }

        // Also on an unchanged update, so re-saving a partner repairs a directory entry a crash left behind.
        var listed = await GrainFactory.GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).Put(Details(false).Summary);
        if (!listed.Succeeded)
        {
            throw new InvalidOperationException($"The partner directory refused partner {Id} ({listed.Rejection!.Code}).");
        }

        return CommandResult<PartnerDetails>.Success(Details(true));
    }

    // The contact is for the town's staff (admins) and the partner's own members, who may need to correct it.
    private bool MaySeeContact() => Caller.IsAdmin || Caller.IsMemberOf(Id);

    private PartnerDetails Details(bool withContact) =>
        new(Id, state.State.Name!, state.State.Description, state.State.Website, withContact ? state.State.Contact : null);
}
