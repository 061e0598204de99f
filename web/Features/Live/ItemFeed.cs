using LivingLab.Live;

namespace LivingLab.Web.Features.Live;

/// <summary>
/// One watched challenge or idea in this process: a single grain subscription, fanned out in memory to every open
/// stream on it. Sends only what changed (a vote does not re-send the stage badge), newest snapshot wins.
/// </summary>
public sealed class ItemFeed(string kind, string id, LiveFragments fragments, Func<IItemObserver, Task<ItemSnapshot?>> subscribe) : IItemObserver
{
    private readonly Lock gate = new();
    private readonly HashSet<LiveConnection> connections = [];
    private ItemSnapshot? latest;
    private Task<ItemSnapshot?>? subscribing;
    private bool closed;

    /// <summary>The event that says the comment thread changed; its data is the thread's revision.</summary>
    public const string CommentsEvent = "comments";

    /// <summary>"challenge" or "idea".</summary>
    public string Kind { get; } = kind;

    /// <summary>The item's id.</summary>
    public string Id { get; } = id;

    /// <summary>Whether the last stream left (the hub then drops the subscription).</summary>
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

    /// <summary>How many streams watch the item.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    /// <summary>Adds a stream and sends it the item as it stands (if known yet); false when the feed closed meanwhile.</summary>
    public bool TryJoin(LiveConnection connection)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            connections.Add(connection);
            if (latest is { } current)
            {
                foreach (var message in Messages(null, current, connection.Language))
                {
                    connection.Post(message);
                }
            }

            return true;
        }
    }

    /// <summary>Removes a stream; true when it was the last and the feed is now closed.</summary>
    public bool Leave(LiveConnection connection)
    {
        lock (gate)
        {
            connections.Remove(connection);
            if (connections.Count == 0 && !closed)
            {
                closed = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>Subscribes to the grain once (renewals go through <see cref="RenewAsync"/>); null when the item does not exist.</summary>
    public Task<ItemSnapshot?> EnsureSubscribedAsync()
    {
        lock (gate)
        {
            // A failed subscription is not kept: the next stream tries again.
            if (subscribing is { IsFaulted: true } or { IsCanceled: true })
            {
                subscribing = null;
            }

            return subscribing ??= SubscribeAsync();
        }
    }

    /// <summary>Renews the grain subscription; the snapshot it returns catches up anything missed meanwhile.</summary>
    public async Task RenewAsync()
    {
        if (await subscribe(this) is { } snapshot)
        {
            Apply(snapshot);
        }
    }

    /// <summary>A grain's one-way notification of a durable change.</summary>
    public Task ItemChanged(ItemSnapshot snapshot)
    {
        Apply(snapshot);
        return Task.CompletedTask;
    }

    private void Apply(ItemSnapshot snapshot)
    {
        lock (gate)
        {
            if (closed || (latest is { } seen && snapshot.Sequence <= seen.Sequence))
            {
                return;
            }

            var previous = latest;
            latest = snapshot;
            // Under the lock, so two snapshots arriving at once reach every stream in order.
            var byLanguage = new Dictionary<string, List<LiveMessage>>(2);
            foreach (var connection in connections)
            {
                if (!byLanguage.TryGetValue(connection.Language, out var messages))
                {
                    byLanguage[connection.Language] = messages = Messages(previous, snapshot, connection.Language);
                }

                foreach (var message in messages)
                {
                    connection.Post(message);
                }
            }
        }
    }

    private async Task<ItemSnapshot?> SubscribeAsync()
    {
        var snapshot = await subscribe(this);
        if (snapshot is not null)
        {
            Apply(snapshot);
        }

        return snapshot;
    }

    // Everything on the first message to a stream, then only what changed.
    private List<LiveMessage> Messages(ItemSnapshot? previous, ItemSnapshot current, string language)
    {
        var id = current.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var messages = new List<LiveMessage>(4);
        if (previous is null || previous.Count != current.Count)
        {
            messages.Add(new LiveMessage(Kind == "idea" ? "vote-count" : "support-count", LiveFragments.Count(current.Count), id));
        }

        if (current.Stage is { } stage && (previous is null || previous.Stage != stage))
        {
            messages.Add(new LiveMessage("stage", fragments.StageBadge(stage, language), id));
        }

        if (previous is null || previous.Status != current.Status)
        {
            messages.Add(new LiveMessage("status", fragments.Status(Kind, current.Status, language), id));
        }

        // Only the thread's revision travels: a page that shows the thread re-reads it (the text is not fanned out).
        if (current.Comments > 0 && (previous is null || previous.Comments != current.Comments))
        {
            messages.Add(new LiveMessage(CommentsEvent, current.Comments.ToString(System.Globalization.CultureInfo.InvariantCulture), id));
        }

        return messages;
    }
}
