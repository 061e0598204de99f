using LivingLab.People;

namespace LivingLab.Web.Features.Admin.People;

/// <summary>The plain role form's fields: one box per grantable role, and the partner organisation.</summary>
public sealed class RolesForm
{
    public string? PersonId { get; set; }

    public bool Facilitator { get; set; }

    public bool Partner { get; set; }

    public bool Admin { get; set; }

    public string? PartnerId { get; set; }

    /// <summary>Whether the box of <paramref name="role"/> was ticked.</summary>
    public bool Has(string role) => role switch
    {
        Roles.Facilitator => Facilitator,
        Roles.Partner => Partner,
        Roles.Admin => Admin,
        _ => false,
    };
}
