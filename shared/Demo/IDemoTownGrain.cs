using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Demo;

/// <summary>Where the demo town's seeding stands in this store.</summary>
[GenerateSerializer]
[Alias("ll.DemoTownProgress")]
public enum DemoTownProgress
{
    /// <summary>Nothing decided yet: no start with the demo enabled has looked at this store.</summary>
    NotStarted,

    /// <summary>Seeding began and has not finished: its owner is at work, or a later start resumes it.</summary>
    Seeding,

    /// <summary>The demo town is complete; later starts leave it alone.</summary>
    Completed,

    /// <summary>The store already held real data at the first look, so it is never seeded.</summary>
    Skipped,
}

/// <summary>
/// The demo marker: its progress; the moment the demo's timeline ends at (<see cref="Anchor"/>), fixed when seeding
/// begins so that a resumed run dates every step exactly as the first run did; and which seeder holds the seeding
/// (<see cref="Owner"/>) until when (<see cref="LeaseUntil"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.DemoTownStatus")]
public sealed record DemoTownStatus(
    DemoTownProgress Progress,
    DateTimeOffset? Anchor,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? Started,
    DateTimeOffset? Finished);

/// <summary>
/// The one marker (key <see cref="Key"/>) that decides, once per store, whether the demo town is seeded, and lets one
/// seeder at a time do it. Its state is written with an ETag like every grain's, so two nodes starting at once agree on
/// one decision, one anchor and one owner; a lease that is not renewed (its node died) passes to the next start.
/// Only the system (start-up work) or an admin may change it.
/// </summary>
[Alias("ll.IDemoTownGrain")]
public interface IDemoTownGrain : IGrainWithStringKey
{
    /// <summary>The well-known key of the single marker grain.</summary>
    public const string Key = "town";

    /// <summary>The marker as stored.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<DemoTownStatus> GetAsync();

    /// <summary>
    /// On the first call decides: seeding, owned by <paramref name="owner"/> for <paramref name="lease"/>, when
    /// <paramref name="storeIsEmpty"/>; skipped otherwise. While seeding, hands the seeding to <paramref name="owner"/>
    /// when the lease has run out or is its own. The caller seeds only when the answer names it as the owner.
    /// </summary>
    [Alias("BeginAsync")]
    Task<CommandResult<DemoTownStatus>> BeginAsync(bool storeIsEmpty, string owner, TimeSpan lease);

    /// <summary>Extends the owner's lease ("notOwner" when another seeder holds it, "notSeeding" when there is nothing to hold).</summary>
    [Alias("RenewAsync")]
    Task<CommandResult<DemoTownStatus>> RenewAsync(string owner, TimeSpan lease);

    /// <summary>Ends the owner's lease early (a stopping node), so the next start resumes at once; fine when not the owner.</summary>
    [Alias("ReleaseAsync")]
    Task<CommandResult<DemoTownStatus>> ReleaseAsync(string owner);

    /// <summary>Marks the seeding complete ("notOwner" unless the caller holds it; completing twice is fine).</summary>
    [Alias("CompleteAsync")]
    Task<CommandResult<DemoTownStatus>> CompleteAsync(string owner);
}
