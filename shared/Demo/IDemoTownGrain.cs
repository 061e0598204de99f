using LivingLab.Common;
using LivingLab.Runtime;

namespace LivingLab.Demo;

/// <summary>Where the demo town's seeding stands in this store.</summary>
public enum DemoTownProgress
{
    /// <summary>Nothing decided yet: no start with the demo enabled has looked at this store.</summary>
    NotStarted,

    /// <summary>Seeding began and has not finished: the next start resumes it.</summary>
    Seeding,

    /// <summary>The demo town is complete; later starts leave it alone.</summary>
    Completed,

    /// <summary>The store already held real data at the first look, so it is never seeded.</summary>
    Skipped,
}

/// <summary>
/// The demo marker: its progress, and the moment the demo's timeline ends at (<see cref="Anchor"/>), fixed when seeding
/// begins so that a resumed run dates every step exactly as the first run did.
/// </summary>
public sealed record DemoTownStatus(DemoTownProgress Progress, DateTimeOffset? Anchor, DateTimeOffset? Started, DateTimeOffset? Finished);

/// <summary>
/// The one marker (key <see cref="Key"/>) that decides, once per store, whether the demo town is seeded. Its state is
/// written with an ETag like every grain's, so two nodes starting at once agree on one decision and one anchor.
/// Only the system (start-up work) or an admin may change it.
/// </summary>
public interface IDemoTownGrain : IGrainWithStringKey
{
    /// <summary>The well-known key of the single marker grain.</summary>
    public const string Key = "town";

    /// <summary>The marker as stored.</summary>
    [ReadOnly]
    Task<DemoTownStatus> GetAsync();

    /// <summary>
    /// Decides on the first call: seeding when <paramref name="storeIsEmpty"/>, skipped otherwise. Later calls change
    /// nothing and answer the stored decision, so a restart resumes an unfinished seeding.
    /// </summary>
    Task<CommandResult<DemoTownStatus>> BeginAsync(bool storeIsEmpty);

    /// <summary>Marks the seeding complete ("notSeeding" unless it is under way; completing twice is fine).</summary>
    Task<CommandResult<DemoTownStatus>> CompleteAsync();
}
