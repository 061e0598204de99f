using System.Net.Http.Headers;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>One Server-Sent Event as a browser's EventSource would see it.</summary>
internal sealed record SseEvent(string? Id, string Event, string Data);

/// <summary>
/// A test client for an event stream: reads events as an EventSource does (comments and the retry hint are noted, not
/// returned), with a timeout on every wait so a missing event fails the test instead of hanging it.
/// </summary>
internal sealed class SseStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;
    private readonly CancellationTokenSource closing = new();
    private bool disposed;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public HttpResponseMessage Response => response;

    /// <summary>Heartbeat comments seen so far.</summary>
    public int Comments { get; private set; }

    /// <summary>The retry hint the server sent, in milliseconds.</summary>
    public int? Retry { get; private set; }

    public static async Task<SseStream> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        return new SseStream(response, new StreamReader(body));
    }

    /// <summary>The next event named <paramref name="eventName"/> (others are skipped), within <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(string eventName, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var next = await ReadEventAsync(limit.Token) ?? throw new InvalidOperationException($"The stream ended before a '{eventName}' event.");
            if (next.Event == eventName)
            {
                return next;
            }
        }
    }

    /// <summary>Whether an event named <paramref name="eventName"/> arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> ReceivesWithinAsync(string eventName, TimeSpan wait)
    {
        try
        {
            await NextAsync(eventName, wait);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reads until the server ends the stream; false when it is still open after <paramref name="wait"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan wait)
    {
        using var limit = new CancellationTokenSource(wait);
        try
        {
            while (await ReadEventAsync(limit.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await closing.CancelAsync();
        reader.Dispose();
        response.Dispose();
        closing.Dispose();
    }

    private async Task<SseEvent?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return new SseEvent(id, name ?? "message", string.Join('\n', data));
                }

                id = name = null;
                continue;
            }

            if (line[0] == ':')
            {
                Comments++;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    name = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
                case "retry":
                    Retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
    }
}
