using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Partners;

/// <summary>
/// One partner organisation (パートナー企業), keyed by a random id (see <see cref="PartnerRules.NewId"/>): name, description,
/// website and a private contact. Only admins create or change one; the grain checks this itself.
/// </summary>
[Alias("ll.IPartnerGrain")]
public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Creates the partner; admins only ("forbidden"), refused when it exists ("alreadyExists") or a field is invalid.</summary>
    [Alias("Create")]
    Task<CommandResult<PartnerDetails>> Create(PartnerInput input);

    /// <summary>Replaces every field; admins only. "notFound" when there is no such partner.</summary>
    [Alias("Update")]
    Task<CommandResult<PartnerDetails>> Update(PartnerInput input);

    /// <summary>The partner, with the contact only for admins and members of this partner; null when there is none.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<PartnerDetails?> Get();

    /// <summary>Whether this partner exists (for checks such as granting the partner role).</summary>
    [ReadOnly]
    [Alias("Exists")]
    Task<bool> Exists();
}
