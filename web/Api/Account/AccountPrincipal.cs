using System.Security.Claims;
using LivingLab.People;

namespace LivingLab.Web.Api.Account;

/// <summary>Builds the signed-in principal from a person's profile and reads it back.</summary>
public static class AccountPrincipal
{
    /// <summary>The claim that carries the partner organisation id of a partner user.</summary>
    public const string PartnerClaim = "livinglab:partner";

    /// <summary>A principal for <paramref name="profile"/>: id, display name, one claim per role, partner id.</summary>
    public static ClaimsPrincipal Create(PersonProfile profile, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, profile.Id),
            new(ClaimTypes.Name, profile.DisplayName),
        };
        claims.AddRange(profile.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (profile.PartnerId is { } partner)
        {
            claims.Add(new Claim(PartnerClaim, partner));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in person's id, or null for an anonymous request.</summary>
    public static string? PersonId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The signed-in partner member's organisation id, or null.</summary>
    public static string? PartnerIdOf(ClaimsPrincipal user) => user.FindFirstValue(PartnerClaim);

    /// <summary>The signed-in person's roles.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
}
