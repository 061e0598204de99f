using LivingLab.Common;
using LivingLab.Web.Api.Account;
using LivingLab.Workshops;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Workshops;

/// <summary>What the registration island on a workshop page asks of the workshop's grain, as the circuit's signed-in person.</summary>
public sealed class WorkshopParticipation(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Registers (or withdraws) and returns the workshop as it stands after it, or the grain's refusal.</summary>
    public async Task<CommandResult<WorkshopDetails>> ToggleAsync(string workshopId, bool withdraw)
    {
        // Set here, in the method that calls the grain: the call context does not survive an awaited helper's return.
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var workshop = grains.GetGrain<IWorkshopGrain>(workshopId);
        var rejection = withdraw ? (await workshop.UnregisterAsync()).Rejection : (await workshop.RegisterAsync()).Rejection;
        if (rejection is not null)
        {
            return new CommandResult<WorkshopDetails>(null, rejection);
        }

        return await workshop.GetAsync() is { } details
            ? CommandResult<WorkshopDetails>.Success(details)
            : CommandResult<WorkshopDetails>.Reject("notFound");
    }
}
