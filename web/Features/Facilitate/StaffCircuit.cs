using System.Security.Claims;
using LivingLab.People;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Facilitate;

/// <summary>Who a staff island's circuit belongs to, for the façades that call grains on a staff member's behalf.</summary>
public static class StaffCircuit
{
    /// <summary>
    /// The circuit's signed-in facilitator or admin, or null for anyone else. The caller still has to be set in the method
    /// that calls the grain (Orleans' RequestContext is an AsyncLocal); the grain checks the role again.
    /// </summary>
    public static async Task<ClaimsPrincipal?> StaffMemberAsync(this AuthenticationStateProvider authentication)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var staff = AccountPrincipal.PersonId(user) is not null && (user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Admin));
        return staff ? user : null;
    }
}
