namespace LivingLab.Web.Features.Live;

/// <summary>One message of a live stream: an SSE event name, its data (an HTML fragment or text) and its id.</summary>
public sealed record LiveMessage(string Event, string Data, string? Id = null)
{
    private byte[]? encoded;

    /// <summary>A comment line that keeps an idle stream open (proxies close silent ones; a dead client shows on the write).</summary>
    public static LiveMessage Heartbeat { get; } = new("", "");

    /// <summary>The whole event as UTF-8, made once however many streams send it.</summary>
    public ReadOnlyMemory<byte> Encoded => encoded ??= Encode();

    private byte[] Encode()
    {
        if (Event.Length == 0)
        {
            return ":\n\n"u8.ToArray();
        }

        var text = new System.Text.StringBuilder(Data.Length + 48);
        if (Id is { } id)
        {
            text.Append("id: ").Append(id).Append('\n');
        }

        text.Append("event: ").Append(Event).Append('\n');
        // A line break inside the data would end the field: each line gets its own "data:" (the browser joins them).
        foreach (var line in Data.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }
}

/// <summary>
/// One open event stream. Keeps only the newest message per event name until the stream writes them, so a burst of
/// votes costs a slow client one write of the latest count, and memory per connection stays a few small objects.
/// </summary>
public sealed class LiveConnection(string language)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LiveMessage> pending = new(StringComparer.Ordinal);
    private TaskCompletionSource? waiting;

    /// <summary>"ja" or "en": the language of the fragments this connection gets.</summary>
    public string Language { get; } = language;

    /// <summary>Queues a message, replacing an unsent one of the same event name; never blocks on the network.</summary>
    public void Post(LiveMessage message)
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            pending[message.Event] = message;
            wake = waiting;
            waiting = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>
    /// Waits until there is something to send. No timer per stream: the hub's heartbeat posts to every stream, so a
    /// thousand idle streams cost a thousand parked tasks and nothing else.
    /// </summary>
    public async Task<IReadOnlyList<LiveMessage>> WaitAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (gate)
        {
            if (pending.Count > 0)
            {
                return Take();
            }

            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = waiting.Task;
        }

        await wait.WaitAsync(cancellationToken);
        lock (gate)
        {
            return Take();
        }
    }

    private List<LiveMessage> Take()
    {
        var messages = pending.Values.ToList();
        pending.Clear();
        return messages;
    }
}

/// <summary>
/// A set of open streams that hear the same thing (the board, the dashboard, one person's badge). A per-person topic
/// closes when its last stream leaves, so the hub can forget it; the board and the dashboard stay open.
/// </summary>
public sealed class LiveTopic(bool closesWhenEmpty = true)
{
    private readonly Lock gate = new();
    private readonly HashSet<LiveConnection> connections = [];
    private bool closed;

    /// <summary>How many streams are open on this topic.</summary>
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

    /// <summary>Adds a stream; false when the topic was closed meanwhile (its last stream left), so the caller makes a new one.</summary>
    public bool TryJoin(LiveConnection connection)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            connections.Add(connection);
            return true;
        }
    }

    /// <summary>Removes a stream; true when that was the last one and the topic is now closed.</summary>
    public bool Leave(LiveConnection connection)
    {
        lock (gate)
        {
            connections.Remove(connection);
            if (closesWhenEmpty && connections.Count == 0 && !closed)
            {
                closed = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>Sends a message, in each stream's language, to every stream.</summary>
    public void Broadcast(Func<string, LiveMessage> message)
    {
        lock (gate)
        {
            Broadcast(connections, message);
        }
    }

    /// <summary>Sends per-language messages (made once per language) to these streams.</summary>
    internal static void Broadcast(IEnumerable<LiveConnection> connections, Func<string, LiveMessage> message)
    {
        LiveMessage? ja = null, en = null;
        foreach (var connection in connections)
        {
            connection.Post(connection.Language == "en" ? en ??= message("en") : ja ??= message("ja"));
        }
    }
}
