using System.Collections.Concurrent;
using System.Globalization;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.People;
using LivingLab.ReadModel;
using Orleans;

namespace LivingLab.Web.Features.Live;

/// <summary>
/// This process's live updates. Items: one grain subscription per watched challenge or idea, fanned out in memory to
/// its streams (no grain call per connection or per event), renewed every minute. The board and the dashboard:
/// signalled by the read models once they hold a change (<see cref="LiveSignals"/>), at most every
/// <see cref="ViewInterval"/>, since every open page re-fetches on the signal. (People's notifications follow the same
/// signals through <c>NotificationFeed</c>.)
/// </summary>
public sealed partial class LiveHub(
    IGrainFactory grains,
    LiveFragments fragments,
    ProjectionRunner runner,
    LiveSignals signals,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<LiveHub> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>
    /// A comment this often keeps proxies from closing an idle stream and finds clients that went away
    /// (<c>Live:HeartbeatSeconds</c>, 20 by default: well inside the 60 s read timeout of common proxies).
    /// </summary>
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Live:HeartbeatSeconds", 20)));

    /// <summary>The least time between two board (or dashboard) signals: a vote storm is one re-fetch per page per interval.</summary>
    public static readonly TimeSpan ViewInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Kind, string Id), ItemFeed> items = new();
    private readonly ConcurrentDictionary<IItemObserver, IItemObserver> references = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<LiveConnection, byte> streams = new();
    private ITimer? heartbeat;
    private readonly ThrottledTopic board = new("board", ViewInterval);
    private readonly ThrottledTopic dashboard = new("counts", ViewInterval);
    private ITimer? renewal;

    /// <summary>Cancelled when the host stops, so open streams end and the server can drain.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>Open streams on items (for tests and diagnostics).</summary>
    public int ItemConnections => items.Values.Sum(f => f.Count);

    /// <summary>Items with a grain subscription now.</summary>
    public int WatchedItems => items.Count;

    /// <summary>Open streams on the board and the dashboard.</summary>
    public int ViewConnections => board.Topic.Count + dashboard.Topic.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await fragments.WarmUpAsync();
        runner.CaughtUp += signals.Release;
        signals.Changed += OnReadModelsChanged;
        renewal = TimeProvider.System.CreateTimer(_ => _ = RenewAllAsync(), null, LiveSubscriptions.RenewEvery, LiveSubscriptions.RenewEvery);
        heartbeat = TimeProvider.System.CreateTimer(_ => Beat(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Counts a stream as open (for heartbeats) until the returned registration is disposed.</summary>
    public IDisposable Register(LiveConnection connection)
    {
        streams[connection] = 0;
        return new Registration(streams, connection);
    }

    /// <summary>Every open stream, whatever it watches.</summary>
    public int OpenStreams => streams.Count;

    private void Beat()
    {
        foreach (var connection in streams.Keys)
        {
            connection.Post(LiveMessage.Heartbeat);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Changed -= OnReadModelsChanged;
        runner.CaughtUp -= signals.Release;
        if (renewal is not null)
        {
            await renewal.DisposeAsync();
            renewal = null;
        }

        if (heartbeat is not null)
        {
            await heartbeat.DisposeAsync();
            heartbeat = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (renewal is not null)
        {
            await renewal.DisposeAsync();
        }

        if (heartbeat is not null)
        {
            await heartbeat.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts watching a challenge ("challenge") or an idea ("idea") for <paramref name="connection"/>, which is sent the
    /// item as it stands at once. Null when there is no such item.
    /// </summary>
    public async Task<ItemFeed?> WatchItemAsync(string kind, string id, LiveConnection connection)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        while (true)
        {
            var feed = items.GetOrAdd((kind, id), key => new ItemFeed(key.Kind, key.Id, fragments, SubscriberFor(key.Kind, key.Id)));
            if (!feed.TryJoin(connection))
            {
                // Its last stream left a moment ago; the hub is removing it.
                items.TryRemove(new KeyValuePair<(string, string), ItemFeed>((kind, id), feed));
                continue;
            }

            ItemSnapshot? snapshot;
            try
            {
                snapshot = await feed.EnsureSubscribedAsync();
            }
            catch
            {
                StopWatching(feed, connection);
                throw;
            }

            if (snapshot is null)
            {
                StopWatching(feed, connection);
                return null;
            }

            return feed;
        }
    }

    /// <summary>Ends one stream's watch; the last stream of an item ends the grain subscription.</summary>
    public void StopWatching(ItemFeed feed, LiveConnection connection)
    {
        if (feed.Leave(connection))
        {
            items.TryRemove(new KeyValuePair<(string, string), ItemFeed>((feed.Kind, feed.Id), feed));
            _ = UnsubscribeAsync(feed);
        }
    }

    /// <summary>Adds a stream to the board ("board") or the dashboard ("dashboard").</summary>
    public LiveTopic WatchView(string view, LiveConnection connection, long? lastSeen)
    {
        var topic = view == "board" ? board : dashboard;
        topic.Topic.TryJoin(connection);
        // A reconnecting page that missed a signal re-fetches once.
        if (lastSeen is { } seen && topic.LastPosition > seen)
        {
            connection.Post(topic.Message(topic.LastPosition));
        }

        return topic.Topic;
    }

    private Func<IItemObserver, Task<ItemSnapshot?>> SubscriberFor(string kind, string id) => kind == "idea"
        ? observer => AsSystem(() => grains.GetGrain<IIdeaGrain>(id).SubscribeAsync(ReferenceTo(observer)))
        : observer => AsSystem(() => grains.GetGrain<IChallengeGrain>(id).SubscribeAsync(ReferenceTo(observer)));

    // Grains reach a feed through an Orleans object reference: one per feed, kept until the feed is unsubscribed.
    private IItemObserver ReferenceTo(IItemObserver feed) =>
        references.GetOrAdd(feed, f => grains.CreateObjectReference<IItemObserver>(f));

    private async Task UnsubscribeAsync(ItemFeed feed)
    {
        if (!references.TryRemove(feed, out var reference))
        {
            return;
        }

        try
        {
            await AsSystem(async () =>
            {
                if (feed.Kind == "idea")
                {
                    await grains.GetGrain<IIdeaGrain>(feed.Id).UnsubscribeAsync(reference);
                }
                else
                {
                    await grains.GetGrain<IChallengeGrain>(feed.Id).UnsubscribeAsync(reference);
                }

                return 0;
            });
        }
        catch (Exception exception)
        {
            // The grain drops an unrenewed subscription by itself within LiveSubscriptions.Lifetime.
            UnsubscribeFailed(logger, feed.Kind, feed.Id, exception);
        }
        finally
        {
            grains.DeleteObjectReference<IItemObserver>(feed);
        }
    }

    private async Task RenewAllAsync()
    {
        foreach (var feed in items.Values)
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
                RenewFailed(logger, feed.Kind, feed.Id, exception);
            }
        }
    }

    private void OnReadModelsChanged(LiveChange change)
    {
        if (change.Board)
        {
            board.Signal(change.Position);
        }

        if (change.Dashboard)
        {
            dashboard.Signal(change.Position);
        }
    }

    // Live subscriptions are the process's own business, not the visitor's whose request happened to start one.
    private static async Task<T> AsSystem<T>(Func<Task<T>> call)
    {
        Caller.Clear();
        return await call();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live: renewing the subscription to {Kind} {Id} failed")]
    private static partial void RenewFailed(ILogger logger, string kind, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live: unsubscribing from {Kind} {Id} failed")]
    private static partial void UnsubscribeFailed(ILogger logger, string kind, string id, Exception exception);

    private sealed class Registration(ConcurrentDictionary<LiveConnection, byte> streams, LiveConnection connection) : IDisposable
    {
        public void Dispose() => streams.TryRemove(connection, out _);
    }

    /// <summary>A view signal sent at most once per interval: the first at once, the rest together at the interval's end.</summary>
    private sealed class ThrottledTopic(string eventName, TimeSpan interval)
    {
        private readonly Lock gate = new();
        private long lastSent = long.MinValue;
        private bool scheduled;

        public LiveTopic Topic { get; } = new(closesWhenEmpty: false);

        public long LastPosition { get; private set; }

        public LiveMessage Message(long position)
        {
            var text = position.ToString(CultureInfo.InvariantCulture);
            return new LiveMessage(eventName, text, text);
        }

        public void Signal(long position)
        {
            TimeSpan wait;
            lock (gate)
            {
                LastPosition = Math.Max(LastPosition, position);
                if (scheduled)
                {
                    return;
                }

                var now = Environment.TickCount64;
                wait = TimeSpan.FromMilliseconds(lastSent == long.MinValue ? 0 : Math.Max(0, lastSent + (long)interval.TotalMilliseconds - now));
                if (wait > TimeSpan.Zero)
                {
                    scheduled = true;
                }
                else
                {
                    lastSent = now;
                }
            }

            if (wait == TimeSpan.Zero)
            {
                Send();
            }
            else
            {
                _ = SendLaterAsync(wait);
            }
        }

        private async Task SendLaterAsync(TimeSpan wait)
        {
            await Task.Delay(wait);
            lock (gate)
            {
                scheduled = false;
                lastSent = Environment.TickCount64;
            }

            Send();
        }

        private void Send()
        {
            var message = Message(LastPosition);
            Topic.Broadcast(_ => message);
        }
    }
}
