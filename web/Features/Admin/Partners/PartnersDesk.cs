using System.Security.Claims;
using LivingLab.Common;
using LivingLab.Partners;
using LivingLab.People;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Admin.Partners;

/// <summary>What the partner organisations island asks of the grains, always as the circuit's signed-in admin.</summary>
public sealed class PartnersDesk(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>The partner with its private contact (admins see it); null when gone or the reader is not an admin.</summary>
    public async Task<PartnerDetails?> GetAsync(string partnerId)
    {
        if (await AdminAsync() is not { } user || !Ids.IsWellFormed(partnerId))
        {
            return null;
        }

        CallerContextMiddleware.SetCaller(user);
        return await grains.GetGrain<IPartnerGrain>(partnerId).Get();
    }

    /// <summary>
    /// Creates a partner under the id <paramref name="key"/> gives for this admin (as the plain form and the API's
    /// Idempotency-Key do), so a repeated save of one dialog creates one partner. A refusal is the result.
    /// </summary>
    public async Task<CommandResult<PartnerDetails>> CreateAsync(string key, PartnerInput input)
    {
        if (await AdminAsync() is not { } user || AccountPrincipal.PersonId(user) is not { } personId)
        {
            return CommandResult<PartnerDetails>.Reject("forbidden");
        }

        // The caller goes into the grain call context in the method that calls the grain: the context is an AsyncLocal.
        CallerContextMiddleware.SetCaller(user);
        var grain = grains.GetGrain<IPartnerGrain>(PartnerRules.IdFor(personId, key));
        var result = await grain.Create(input);
        if (!result.Succeeded && result.Rejection!.Code == "alreadyExists" && await grain.Get() is { } stored)
        {
            result = new CommandResult<PartnerDetails>(stored, null);
        }

        return result;
    }

    /// <summary>Replaces every field of the partner; a refusal (a field, notFound, forbidden) is the result.</summary>
    public async Task<CommandResult<PartnerDetails>> UpdateAsync(string partnerId, PartnerInput input)
    {
        if (await AdminAsync() is not { } user)
        {
            return CommandResult<PartnerDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        return await grains.GetGrain<IPartnerGrain>(partnerId).Update(input);
    }

    private async Task<ClaimsPrincipal?> AdminAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return AccountPrincipal.PersonId(user) is not null && user.IsInRole(Roles.Admin) ? user : null;
    }
}
