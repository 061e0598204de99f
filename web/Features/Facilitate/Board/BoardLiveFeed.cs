using System.Globalization;
using LivingLab.Web.Features.Live;

namespace LivingLab.Web.Features.Facilitate.Board;

/// <summary>
/// A staff island's watch on one of the node's view topics: the board (the one the public board's stream follows) or the
/// dashboard's counts (new, accepted, merged and declined challenges, which the triage queue follows). The read model
/// signals it, at most every two seconds, once it holds a change, so a change made elsewhere shows without a reload.
/// </summary>
public sealed class BoardLiveFeed : IAsyncDisposable
{
    /// <summary>The stage board's topic: ideas' stages, titles, votes, operators.</summary>
    public const string BoardView = "board";

    /// <summary>The dashboard's topic, which every challenge decision and every new challenge signals.</summary>
    public const string CountsView = "dashboard";

    private readonly LiveTopic topic;
    private readonly LiveConnection connection;
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    private BoardLiveFeed(LiveTopic topic, LiveConnection connection)
    {
        this.topic = topic;
        this.connection = connection;
    }

    /// <summary>Joins <paramref name="view"/> (<see cref="BoardView"/> or <see cref="CountsView"/>); <paramref name="changed"/> runs after each signal.</summary>
    public static BoardLiveFeed Start(LiveHub hub, Func<Task> changed, string view = BoardView)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var connection = new LiveConnection(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var feed = new BoardLiveFeed(hub.WatchView(view, connection, lastSeen: null), connection);
        feed.loop = feed.RunAsync(changed);
        return feed;
    }

    private async Task RunAsync(Func<Task> changed)
    {
        try
        {
            while (true)
            {
                if ((await connection.WaitAsync(stop.Token)).Count > 0)
                {
                    await changed();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the board went away.
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
                // A refresh that failed as the circuit closed: nothing is left to show it to.
            }
        }

        topic.Leave(connection);
        stop.Dispose();
    }
}
