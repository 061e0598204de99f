using Orleans.Concurrency;

namespace LivingLab.Workshops.Board;

/// <summary>
/// Receives the whole board after each durable change: the web host's live hub, one per node per board, which renders
/// it per viewer (<see cref="BoardViews.For"/>) for every open page.
/// </summary>
[Alias("ll.IBoardObserver")]
public interface IBoardObserver : IGrainObserver
{
    /// <summary>
    /// The board as of one durable change. One-way: the grain never waits for the observer. Many changes committed in
    /// one write send one snapshot (the last); keep the highest <see cref="BoardSnapshot.Sequence"/> seen.
    /// </summary>
    [OneWay]
    [Alias("BoardChanged")]
    Task BoardChanged(BoardSnapshot snapshot);
}
