using System.Collections.Concurrent;
using LivingLab.Live;
using LivingLab.People;
using LivingLab.Workshops.Board;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>
/// This process's live boards: per watched board one grain subscription (<see cref="BoardFeed"/>), its snapshots handed
/// to every circuit watching it, renewed every <see cref="LiveSubscriptions.RenewEvery"/> (re-reading the board, which
/// also resubscribes after a silo loss), dropped a little after the last watcher leaves.
/// </summary>
public sealed partial class BoardHub(IGrainFactory grains, ILogger<BoardHub> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>
    /// How long a board stays subscribed after its last watcher left: a reload or a phone's reconnect comes back within
    /// it and finds the board at once, without a new subscription.
    /// </summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, BoardFeed> feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<BoardFeed, IBoardObserver> references = new(ReferenceEqualityComparer.Instance);
    private ITimer? renewal;

    /// <summary>Boards with a grain subscription now (for tests and diagnostics).</summary>
    public int WatchedBoards => feeds.Count;

    /// <summary>The feed of a board, if it is watched (for tests).</summary>
    public BoardFeed? FeedOf(string workshopId) => feeds.GetValueOrDefault(workshopId);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        renewal = TimeProvider.System.CreateTimer(_ => _ = RenewAllAsync(), null, LiveSubscriptions.RenewEvery, LiveSubscriptions.RenewEvery);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (renewal is not null)
        {
            await renewal.DisposeAsync();
            renewal = null;
        }
    }

    /// <summary>
    /// Starts watching a board: <paramref name="changed"/> gets the board as it stands at once (before this returns),
    /// then every newer snapshot. Dispose the answer to stop.
    /// </summary>
    public async Task<IAsyncDisposable> WatchAsync(string workshopId, Action<BoardSnapshot> changed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workshopId);
        var watcher = new BoardWatcher(changed);
        while (true)
        {
            var feed = feeds.GetOrAdd(workshopId, id => new BoardFeed(id, SubscribeAsync));
            if (!feed.TryJoin(watcher))
            {
                // Closed a moment ago; the hub is removing it.
                feeds.TryRemove(new KeyValuePair<string, BoardFeed>(workshopId, feed));
                continue;
            }

            try
            {
                await feed.EnsureSubscribedAsync();
            }
            catch
            {
                Leave(feed, watcher);
                throw;
            }

            return new Watch(this, feed, watcher);
        }
    }

    /// <summary>Renews every subscription, re-reading each board (the timer calls it; tests too).</summary>
    public async Task RenewAllAsync()
    {
        foreach (var feed in feeds.Values)
        {
            if (feed.IsClosed)
            {
                continue;
            }

            try
            {
                await feed.RenewAsync();
            }
            catch (Exception exception)
            {
                RenewFailed(logger, feed.WorkshopId, exception);
            }
        }
    }

    private void Leave(BoardFeed feed, BoardWatcher watcher)
    {
        if (feed.Leave(watcher))
        {
            _ = CloseLaterAsync(feed);
        }
    }

    private async Task CloseLaterAsync(BoardFeed feed)
    {
        if (Grace > TimeSpan.Zero)
        {
            await Task.Delay(Grace);
        }

        if (feed.TryClose())
        {
            feeds.TryRemove(new KeyValuePair<string, BoardFeed>(feed.WorkshopId, feed));
            await UnsubscribeAsync(feed);
        }
    }

    private async Task<BoardSnapshot?> SubscribeAsync(BoardFeed feed)
    {
        var reference = references.GetOrAdd(feed, f => grains.CreateObjectReference<IBoardObserver>(f));
        // The subscription is the process's, not the visitor's whose page started it; the snapshot holds everything.
        BoardGuest.Clear();
        Caller.SetSystem();
        var result = await grains.GetGrain<IWorkshopBoardGrain>(feed.WorkshopId).SubscribeAsync(reference);
        return result.Value;
    }

    private async Task UnsubscribeAsync(BoardFeed feed)
    {
        if (!references.TryRemove(feed, out var reference))
        {
            return;
        }

        try
        {
            BoardGuest.Clear();
            Caller.SetSystem();
            await grains.GetGrain<IWorkshopBoardGrain>(feed.WorkshopId).UnsubscribeAsync(reference);
        }
        catch (Exception exception)
        {
            // The grain drops an unrenewed subscription by itself within LiveSubscriptions.Lifetime.
            UnsubscribeFailed(logger, feed.WorkshopId, exception);
        }
        finally
        {
            grains.DeleteObjectReference<IBoardObserver>(feed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Board: renewing the subscription to {WorkshopId} failed")]
    private static partial void RenewFailed(ILogger logger, string workshopId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Board: unsubscribing from {WorkshopId} failed")]
    private static partial void UnsubscribeFailed(ILogger logger, string workshopId, Exception exception);

    private sealed class Watch(BoardHub hub, BoardFeed feed, BoardWatcher watcher) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                hub.Leave(feed, watcher);
            }

            return ValueTask.CompletedTask;
        }
    }
}
