using System.Security.Claims;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.ReadModel;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Admin.People;

/// <summary>What the people island asks of the grains, always as the circuit's signed-in admin.</summary>
public sealed class PeopleDesk(IGrainFactory grains, ProjectionRunner projections, AuthenticationStateProvider authentication)
{
    /// <summary>
    /// Gives <paramref name="personId"/> exactly the roles ticked (resident always) and the partner organisation, through the
    /// same grain call as the plain form and the API. A refusal (forbidden, partnerRequired, lastAdmin…) is the result.
    /// </summary>
    public async Task<CommandResult<PersonProfile>> SetRolesAsync(string personId, IReadOnlyCollection<string> granted, string? partnerId)
    {
        // A circuit has no request for CallerContextMiddleware: the caller goes into the grain call context here, in the
        // method that calls the grain (the context is an AsyncLocal). The grain checks the admin role again.
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!IsAdmin(user) || !Ids.IsWellFormed(personId))
        {
            return CommandResult<PersonProfile>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        var roles = RoleChoices.WithResident(granted.Contains);
        var result = await grains.GetGrain<IPersonGrain>(personId).SetRoles(roles, string.IsNullOrEmpty(partnerId) ? null : partnerId);
        if (result.Succeeded)
        {
            // The directory's filters read the read model: caught up, the next search finds the person under the new roles.
            await projections.CatchUpAsync();
        }

        return result;
    }

    private static bool IsAdmin(ClaimsPrincipal user) => AccountPrincipal.PersonId(user) is not null && user.IsInRole(Roles.Admin);
}
