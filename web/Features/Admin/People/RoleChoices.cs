using LivingLab.People;

namespace LivingLab.Web.Features.Admin.People;

/// <summary>The roles an admin grants; resident is every account's and cannot be taken away.</summary>
public static class RoleChoices
{
    public static readonly string[] Grantable = [Roles.Facilitator, Roles.Partner, Roles.Admin];

    /// <summary>The full set to store: resident first, then the granted roles in a stable order.</summary>
    public static string[] WithResident(Func<string, bool> granted) => [Roles.Resident, .. Grantable.Where(granted)];
}
