using LivingLab.Workshops.Board;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>
/// One watched board in this process: a single grain subscription whose snapshots go, in sequence order, to every
/// circuit watching it through a callback (no grain call per circuit). Newest snapshot wins.
/// </summary>
public sealed class BoardFeed(string workshopId, Func<BoardFeed, Task<BoardSnapshot?>> subscribe) : IBoardObserver
{
    private readonly Lock gate = new();
    private readonly List<BoardWatcher> watchers = [];
    private BoardSnapshot? latest;
    private Task<BoardSnapshot?>? subscribing;
    private bool closed;

    /// <summary>The board's workshop id.</summary>
    public string WorkshopId { get; } = workshopId;

    /// <summary>The newest snapshot received, or null before the first.</summary>
    public BoardSnapshot? Latest
    {
        get
        {
            lock (gate)
            {
                return latest;
            }
        }
    }

    /// <summary>How many circuits watch the board.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return watchers.Count;
            }
        }
    }

    /// <summary>Whether the feed ended (its last watcher left and the grace passed).</summary>
    public bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    /// <summary>Adds a watcher and hands it the board as it stands, if known yet; false once the feed closed.</summary>
    public bool TryJoin(BoardWatcher watcher)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            watchers.Add(watcher);
            if (latest is { } current)
            {
                watcher.Deliver(current);
            }

            return true;
        }
    }

    /// <summary>Removes a watcher; true when none is left.</summary>
    public bool Leave(BoardWatcher watcher)
    {
        lock (gate)
        {
            watchers.Remove(watcher);
            return watchers.Count == 0;
        }
    }

    /// <summary>Closes the feed if nobody watches (after the grace); true when it closed now.</summary>
    public bool TryClose()
    {
        lock (gate)
        {
            if (closed || watchers.Count > 0)
            {
                return false;
            }

            closed = true;
            return true;
        }
    }

    /// <summary>Subscribes once; a failed subscription is not kept, so the next watcher tries again.</summary>
    public Task<BoardSnapshot?> EnsureSubscribedAsync()
    {
        lock (gate)
        {
            if (subscribing is { IsFaulted: true } or { IsCanceled: true })
            {
                subscribing = null;
            }

            return subscribing ??= SubscribeAsync();
        }
    }

    /// <summary>
    /// Subscribes again (renewal, or after a silo loss dropped the subscription): the snapshot it returns catches up
    /// anything missed meanwhile.
    /// </summary>
    public async Task RenewAsync()
    {
        if (await subscribe(this) is { } snapshot)
        {
            Apply(snapshot);
        }
    }

    /// <inheritdoc />
    public Task BoardChanged(BoardSnapshot snapshot)
    {
        Apply(snapshot);
        return Task.CompletedTask;
    }

    /// <summary>Takes a snapshot if it is newer than the one held, and hands it to every watcher.</summary>
    public void Apply(BoardSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            // One-way notifications may overtake each other, and a renewal's read may be older than a notification.
            if (closed || (latest is { } seen && snapshot.Sequence <= seen.Sequence))
            {
                return;
            }

            latest = snapshot;
            // Under the lock, so two snapshots arriving at once reach every watcher in order.
            foreach (var watcher in watchers)
            {
                watcher.Deliver(snapshot);
            }
        }
    }

    private async Task<BoardSnapshot?> SubscribeAsync()
    {
        var snapshot = await subscribe(this);
        if (snapshot is not null)
        {
            Apply(snapshot);
        }

        return snapshot;
    }
}

/// <summary>One circuit's watch on a board feed: a callback that must return quickly (it only schedules a render).</summary>
public sealed class BoardWatcher(Action<BoardSnapshot> changed)
{
    internal void Deliver(BoardSnapshot snapshot) => changed(snapshot);
}
