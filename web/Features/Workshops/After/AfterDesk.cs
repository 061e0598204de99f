using LivingLab.Common;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Features.Facilitate;
using LivingLab.Workshops;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Workshops.After;

/// <summary>What the record island asks of the workshop grain, always as the circuit's signed-in staff member.</summary>
public sealed class AfterDesk(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Saves the minutes and the recording link, or returns the grain's refusal.</summary>
    public async Task<CommandResult<WorkshopDetails>> RecordAsync(string workshopId, WorkshopRecordInput input)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<WorkshopDetails>.Reject("forbidden");
        }

        // Set here, in the method whose awaits reach the grain: the call context does not come back out of a helper.
        CallerContextMiddleware.SetCaller(user);
        return await grains.GetGrain<IWorkshopGrain>(workshopId).RecordAsync(input);
    }
}
