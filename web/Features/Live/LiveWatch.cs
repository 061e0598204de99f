namespace LivingLab.Web.Features.Live;

/// <summary>
/// An interactive component's watch on one challenge or idea: it joins the node's single grain subscription for the
/// item (<see cref="LiveHub"/>), so a hundred circuits on one idea cost one subscription and a hundred small queues.
/// Disposing it leaves the feed; the last one to leave ends the subscription.
/// </summary>
public sealed class LiveWatch : IAsyncDisposable
{
    private readonly LiveHub hub;
    private readonly ItemFeed feed;
    private readonly LiveConnection connection;
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    private LiveWatch(LiveHub hub, ItemFeed feed, LiveConnection connection)
    {
        this.hub = hub;
        this.feed = feed;
        this.connection = connection;
    }

    /// <summary>
    /// Starts watching; <paramref name="changed"/> gets the newest message per kind (vote-count, stage, status), first
    /// the item as it stands. Null when there is no such item.
    /// </summary>
    public static async Task<LiveWatch?> StartAsync(LiveHub hub, string kind, string id, string language, Func<IReadOnlyList<LiveMessage>, Task> changed)
    {
        var connection = new LiveConnection(language);
        if (await hub.WatchItemAsync(kind, id, connection) is not { } feed)
        {
            return null;
        }

        var watch = new LiveWatch(hub, feed, connection);
        watch.loop = watch.RunAsync(changed);
        return watch;
    }

    private async Task RunAsync(Func<IReadOnlyList<LiveMessage>, Task> changed)
    {
        try
        {
            while (true)
            {
                var messages = await connection.WaitAsync(stop.Token);
                if (messages.Count > 0)
                {
                    await changed(messages);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the component went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // A render that failed as the circuit closed: nothing is left to show it to.
            }
        }

        hub.StopWatching(feed, connection);
        stop.Dispose();
    }
}
