using LivingLab.People;
using LivingLab.Web.Api.Account;

namespace LivingLab.Web.Components;

/// <summary>The signed-in person as pages see them (from the cookie principal, rebuilt from the person grain per request).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("CurrentUser is only available during a request.");

    /// <summary>The person's id, or null when nobody is signed in.</summary>
    public string? Id => AccountPrincipal.PersonId(Context.User);

    /// <summary>Whether someone is signed in.</summary>
    public bool IsSignedIn => Id is not null;

    /// <summary>The display name, or null when nobody is signed in.</summary>
    public string? DisplayName => IsSignedIn ? Context.User.Identity?.Name : null;

    /// <summary>The person's partner organisation, for partner members.</summary>
    public string? PartnerId => IsSignedIn && IsInRole(Roles.Partner) ? AccountPrincipal.PartnerIdOf(Context.User) : null;

    /// <summary>Facilitators and admins run the pipeline (triage, stage moves, moderation).</summary>
    public bool IsStaff => IsInRole(Roles.Facilitator) || IsInRole(Roles.Admin);

    /// <summary>Whether the person is an admin.</summary>
    public bool IsAdmin => IsInRole(Roles.Admin);

    /// <summary>Whether the person holds <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => IsSignedIn && Context.User.IsInRole(role);
}
