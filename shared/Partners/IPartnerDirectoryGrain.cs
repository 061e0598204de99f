using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Partners;

/// <summary>
/// The list of partner organisations with their public summaries, in one grain (key <see cref="Key"/>). A town works with
/// tens of partners, so one small list read in one call is simpler than a read model; past a few hundred, move the list
/// to a read-model table fed by the partner events.
/// </summary>
[Alias("ll.IPartnerDirectoryGrain")]
public interface IPartnerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The well-known key of the single directory grain.</summary>
    public const string Key = "all";

    /// <summary>Adds or refreshes a partner's public summary (called by the partner grain); admins only.</summary>
    [Alias("Put")]
    Task<CommandResult> Put(PartnerSummary summary);

    /// <summary>Every partner's public summary, oldest first.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<PartnerSummary>> List();
}
