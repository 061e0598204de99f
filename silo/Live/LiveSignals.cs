namespace LivingLab.Live;

/// <summary>
/// Which live views a batch of events touched: the pipeline board, the dashboard's counts, and whose unread count
/// changed. Projections note each as they apply an event; <see cref="Release"/> hands them on once every read model
/// holds the event (the projection runner's CaughtUp), so a page that re-fetches on the signal sees the change.
/// Nothing is kept while nobody listens.
/// </summary>
public sealed class LiveSignals
{
    private readonly Lock gate = new();
    private readonly List<(long Position, bool Board, bool Dashboard, string? Person)> pending = [];

    /// <summary>What changed, after every read model caught up with it. Handlers must be quick and must not throw.</summary>
    public event Action<LiveChange>? Changed;

    /// <summary>Whether anyone listens (a node without live pages notes nothing).</summary>
    public bool HasListeners => Changed is not null;

    /// <summary>Notes that the event at <paramref name="position"/> changes the board and/or the dashboard.</summary>
    public void NoteViews(long position, bool board, bool dashboard)
    {
        if ((board || dashboard) && Changed is not null)
        {
            lock (gate)
            {
                pending.Add((position, board, dashboard, null));
            }
        }
    }

    /// <summary>Notes that the event at <paramref name="position"/> changed a person's notifications.</summary>
    public void NoteUnread(long position, string personId)
    {
        if (Changed is not null)
        {
            lock (gate)
            {
                pending.Add((position, false, false, personId));
            }
        }
    }

    /// <summary>Hands on everything noted up to <paramref name="position"/>, as one change.</summary>
    public void Release(long position)
    {
        LiveChange change;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var board = false;
            var dashboard = false;
            var people = new HashSet<string>(StringComparer.Ordinal);
            // A projection that failed half-way applies its batch again: what it noted twice is harmless, a signal only says "look again".
            var kept = 0;
            for (var i = 0; i < pending.Count; i++)
            {
                var entry = pending[i];
                if (entry.Position > position)
                {
                    pending[kept++] = entry;
                    continue;
                }

                board |= entry.Board;
                dashboard |= entry.Dashboard;
                if (entry.Person is { } person)
                {
                    people.Add(person);
                }
            }

            if (kept == pending.Count)
            {
                return;
            }

            pending.RemoveRange(kept, pending.Count - kept);
            change = new LiveChange(position, board, dashboard, people);
        }

        Changed?.Invoke(change);
    }
}

/// <summary>What a catch-up changed for live views; <see cref="Position"/> is how far every read model has got.</summary>
public sealed record LiveChange(long Position, bool Board, bool Dashboard, IReadOnlyCollection<string> People);
