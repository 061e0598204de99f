using LivingLab.Common;
using LivingLab.ReadModel;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Features.Facilitate;
using LivingLab.Workshops;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>What the workshop islands ask of the workshop grains, always as the circuit's signed-in staff member.</summary>
public sealed class WorkshopStaffDesk(IGrainFactory grains, ProjectionRunner projections, AuthenticationStateProvider authentication)
{
    /// <summary>Creates the workshop (once per form key) and makes the lists show it, or returns the refusals.</summary>
    public async Task<WorkshopSaveOutcome> CreateAsync(WorkshopFormInput form)
    {
        if (await authentication.StaffMemberAsync() is not { } user || AccountPrincipal.PersonId(user) is not { } personId)
        {
            return new WorkshopSaveOutcome(null, [new Rejection("forbidden")]);
        }

        // Set here, in the method whose awaits reach the grain: the call context does not come back out of a helper.
        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await WorkshopSaving.CreateAsync(grains, personId, form));
    }

    /// <summary>Saves the edited workshop, or returns the refusals (capacityBelowRegistered among them).</summary>
    public async Task<WorkshopSaveOutcome> EditAsync(string workshopId, WorkshopFormInput form)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return new WorkshopSaveOutcome(null, [new Rejection("forbidden")]);
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await WorkshopSaving.EditAsync(grains, workshopId, form));
    }

    /// <summary>Calls the workshop off with a public reason; the grain tells everyone registered.</summary>
    public async Task<CommandResult<WorkshopDetails>> CancelAsync(string workshopId, string? reason)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<WorkshopDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IWorkshopGrain>(workshopId).CancelAsync(reason);
        if (result.Succeeded)
        {
            await projections.CatchUpAsync();
        }

        return result;
    }

    /// <summary>Offers the candidate slots typed in (Japan time); a bad row is refused like the grain refuses.</summary>
    public async Task<CommandResult<PollView>> OpenPollAsync(string workshopId, IReadOnlyList<PollSlotForm> rows)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<PollView>.Reject("forbidden");
        }

        if (PollSlotForm.Check(rows) is { } bad)
        {
            return new CommandResult<PollView>(null, bad);
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IWorkshopGrain>(workshopId).OpenPollAsync(PollSlotForm.ToSlots(rows));
        if (result.Succeeded)
        {
            await projections.CatchUpAsync();
        }

        return result;
    }

    private async Task<WorkshopSaveOutcome> CaughtUpAsync(WorkshopSaveOutcome outcome)
    {
        if (outcome.WorkshopId is not null)
        {
            await projections.CatchUpAsync();
        }

        return outcome;
    }
}
