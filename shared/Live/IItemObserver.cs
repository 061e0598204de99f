using LivingLab.Pipeline;
using Orleans.Concurrency;

namespace LivingLab.Live;

/// <summary>
/// Receives an item's public figures after each durable change, for live pages. One observer per watched item per
/// process (the web host's live hub), which fans the change out to every open connection in memory.
/// </summary>
[Alias("ll.IItemObserver")]
public interface IItemObserver : IGrainObserver
{
    /// <summary>
    /// The item as of one durable change; a snapshot with a lower <see cref="ItemSnapshot.Sequence"/> than one already seen
    /// is stale. One-way: the grain sends it and moves on, so a slow or vanished web host never holds up the item's writes;
    /// the grain's task completes without waiting, and an observer's failure never reaches it (log it where it happens).
    /// </summary>
    [OneWay]
    [Alias("ItemChanged")]
    Task ItemChanged(ItemSnapshot snapshot);
}

/// <summary>
/// What a live page shows of a challenge or an idea: the support or vote count, the status (wire name), for an idea
/// its stage, and <see cref="Comments"/>, the comment thread's revision (it moves on with every comment posted, edited,
/// deleted, hidden or merged in, so a page re-reads the thread only when it changed). <see cref="Sequence"/> orders
/// snapshots within a process: notifications travel one-way and may overtake each other, so the receiver keeps the highest.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ItemSnapshot")]
public sealed record ItemSnapshot(string Id, long Sequence, int Count, string Status, Stage? Stage, long Comments = 0);

/// <summary>How long a live subscription lasts: subscribers renew well within it, as with Orleans observers.</summary>
public static class LiveSubscriptions
{
    /// <summary>A subscription not renewed within this time is dropped by the grain.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>How often a subscriber renews (and so also re-reads the item, catching anything it missed).</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);
}
