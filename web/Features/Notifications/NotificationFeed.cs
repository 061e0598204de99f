using System.Collections.Concurrent;
using System.Globalization;
using LivingLab.Live;
using LivingLab.ReadModel.Notifications;

namespace LivingLab.Web.Features.Notifications;

/// <summary>
/// This node's one feed of people's notification changes, fanned out in memory to the circuits that show them (the
/// header badge, the notifications page). The read models say whose notifications changed (<see cref="LiveSignals"/>,
/// from every node's writes through the shared log); the feed asks the unread counts of only those of them watched on
/// this node, in one query per change, and hands each watch its person's count.
/// </summary>
public sealed partial class NotificationFeed(LiveSignals signals, NotificationQueries notifications, IHostApplicationLifetime lifetime, ILogger<NotificationFeed> logger)
    : IHostedService
{
    private readonly ConcurrentDictionary<string, Listeners> people = new(StringComparer.Ordinal);
    private long changed;

    /// <summary>A new value each time the process starts: a mark from another process (a resumed circuit) is never trusted.</summary>
    public Guid Epoch { get; } = Guid.NewGuid();

    /// <summary>
    /// Where the feed stands: the position of the last change to anyone's notifications it handed on. Taken before a
    /// query, it tells a watch started later whether it may have missed a change (<see cref="UnreadMark"/>).
    /// </summary>
    public UnreadMark Mark => new(Epoch, Interlocked.Read(ref changed));

    /// <summary>People watched now (for tests and diagnostics).</summary>
    public int WatchedPeople => people.Count;

    /// <summary>Open watches, over everyone.</summary>
    public int Watches => people.Values.Sum(l => l.Count);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.Changed += OnReadModelsChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Changed -= OnReadModelsChanged;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts handing <paramref name="changed"/> the person's unread count each time their notifications change (a new
    /// one, one read here or in another tab, on any node), until the watch is disposed.
    /// </summary>
    public UnreadWatch Watch(string personId, Func<UnreadChange, Task> changed)
    {
        while (true)
        {
            var listeners = people.GetOrAdd(personId, _ => new Listeners());
            var watch = new UnreadWatch(this, personId, listeners, changed);
            if (listeners.TryJoin(watch))
            {
                return watch;
            }

            // Its last watch left a moment ago and is removing it.
            people.TryRemove(new KeyValuePair<string, Listeners>(personId, listeners));
        }
    }

    /// <summary>The person's unread count now, with the mark taken before it was read.</summary>
    public async Task<(int Count, UnreadMark Mark)> UnreadAsync(string personId, CancellationToken cancellationToken = default)
    {
        var mark = Mark;
        return (await notifications.UnreadCountAsync(personId, cancellationToken), mark);
    }

    internal void Leave(string personId, Listeners listeners, UnreadWatch watch)
    {
        if (listeners.Leave(watch))
        {
            people.TryRemove(new KeyValuePair<string, Listeners>(personId, listeners));
        }
    }

    private void OnReadModelsChanged(LiveChange change)
    {
        if (change.People.Count == 0)
        {
            return;
        }

        // Moved before anyone is told, so a watch that joins after this line and misses the hand-out sees the mark move.
        long seen;
        do
        {
            seen = Interlocked.Read(ref changed);
        }
        while (seen < change.Position && Interlocked.CompareExchange(ref changed, change.Position, seen) != seen);

        var watched = change.People.Where(people.ContainsKey).ToList();
        if (watched.Count > 0)
        {
            // Off the runner's turn: the counts are a query, and the runner must not wait for live pages.
            _ = Task.Run(() => SendAsync(watched, change.Position));
        }
    }

    private async Task SendAsync(IReadOnlyCollection<string> personIds, long position)
    {
        try
        {
            var counts = await notifications.UnreadCountsAsync(personIds, lifetime.ApplicationStopping);
            foreach (var (personId, count) in counts)
            {
                if (people.TryGetValue(personId, out var listeners))
                {
                    listeners.Send(new UnreadChange(count, position));
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            SendFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications: sending unread counts to live pages failed")]
    private static partial void SendFailed(ILogger logger, Exception exception);

    /// <summary>The watches on one person; closed when the last one leaves, so the feed can forget the person.</summary>
    internal sealed class Listeners
    {
        private readonly Lock gate = new();
        private readonly List<UnreadWatch> watches = [];
        private bool closed;

        public int Count
        {
            get
            {
                lock (gate)
                {
                    return watches.Count;
                }
            }
        }

        public bool TryJoin(UnreadWatch watch)
        {
            lock (gate)
            {
                if (closed)
                {
                    return false;
                }

                watches.Add(watch);
                return true;
            }
        }

        public bool Leave(UnreadWatch watch)
        {
            lock (gate)
            {
                watches.Remove(watch);
                if (watches.Count == 0 && !closed)
                {
                    closed = true;
                    return true;
                }

                return false;
            }
        }

        public void Send(UnreadChange change)
        {
            UnreadWatch[] now;
            lock (gate)
            {
                now = [.. watches];
            }

            foreach (var watch in now)
            {
                watch.Post(change);
            }
        }
    }
}

/// <summary>A person's unread count after a change to their notifications; <see cref="Position"/> orders changes.</summary>
public sealed record UnreadChange(int Count, long Position);

/// <summary>Where <see cref="NotificationFeed"/> stood when a count was read, in the process that read it.</summary>
public sealed record UnreadMark(Guid Epoch, long Position);

/// <summary>
/// One circuit's watch on a person's notifications. Changes are handed on one at a time, newest wins: a burst costs a
/// slow circuit one render of the latest count, and an older count that arrives late is dropped.
/// </summary>
public sealed class UnreadWatch : IDisposable
{
    private readonly NotificationFeed feed;
    private readonly string personId;
    private readonly NotificationFeed.Listeners listeners;
    private readonly Func<UnreadChange, Task> changed;
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;
    private readonly Lock gate = new();
    private UnreadChange? pending;
    private long handed = long.MinValue;
    private bool running;
    private bool disposed;

    internal UnreadWatch(NotificationFeed feed, string personId, NotificationFeed.Listeners listeners, Func<UnreadChange, Task> changed)
    {
        this.feed = feed;
        this.personId = personId;
        this.listeners = listeners;
        this.changed = changed;
    }

    /// <summary>Whether a change may have been handed out before this watch joined, since <paramref name="mark"/> was taken.</summary>
    public bool MayHaveMissed(UnreadMark? mark)
    {
        var now = feed.Mark;
        return mark is null || mark.Epoch != now.Epoch || now.Position > mark.Position;
    }

    internal void Post(UnreadChange change)
    {
        lock (gate)
        {
            if (disposed || change.Position < handed || (pending is { } waiting && change.Position < waiting.Position))
            {
                return;
            }

            pending = change;
            if (running)
            {
                return;
            }

            running = true;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        // Changes come off whichever thread caught the read models up (a request in another language, the poll): the
        // watcher renders in the language it watched in.
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        while (true)
        {
            UnreadChange next;
            lock (gate)
            {
                if (pending is null || disposed)
                {
                    running = false;
                    return;
                }

                next = pending;
                pending = null;
                handed = next.Position;
            }

            try
            {
                await changed(next);
            }
            catch (Exception) when (Volatile.Read(ref disposed))
            {
                // The circuit went away while rendering: nothing is left to show it to.
            }
            catch (Exception)
            {
                // A failed render is the component's own business (it reports it); the next change tries again.
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            pending = null;
        }

        feed.Leave(personId, listeners, this);
    }
}
