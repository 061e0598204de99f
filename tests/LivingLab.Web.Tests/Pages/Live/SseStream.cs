using System.Net.Http.Headers;
using System.Threading.Channels;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>One Server-Sent Event as a browser's EventSource would see it.</summary>
internal sealed record SseEvent(string? Id, string Event, string Data);

/// <summary>
/// A test client for an event stream: one background read parses events as an EventSource does (comments and the retry
/// hint are noted, not returned) into a queue, and every wait has a timeout, so a missing event fails the test instead
/// of hanging it. Waits never cancel the read itself: cancelling a read would abort the HTTP connection.
/// </summary>
internal sealed class SseStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;
    private readonly Channel<SseEvent> events = Channel.CreateUnbounded<SseEvent>();
    private readonly Task reading;
    private int comments;
    private int? retry;
    private bool disposed;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
        reading = Task.Run(ReadAllAsync);
    }

    public HttpResponseMessage Response => response;

    /// <summary>Heartbeat comments seen so far.</summary>
    public int Comments => Volatile.Read(ref comments);

    /// <summary>The retry hint the server sent, in milliseconds.</summary>
    public int? Retry => retry;

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
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        return new SseStream(response, new StreamReader(body));
    }

    /// <summary>The next event named <paramref name="eventName"/> (others are skipped), within <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(string eventName, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (!await events.Reader.WaitToReadAsync(limit.Token))
            {
                throw new InvalidOperationException($"The stream ended before a '{eventName}' event.");
            }

            if (events.Reader.TryRead(out var next) && next.Event == eventName)
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

    /// <summary>Whether the server ends the stream (a clean end, not an error) within <paramref name="wait"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan wait)
    {
        var ended = await Task.WhenAny(reading, Task.Delay(wait)) == reading;
        return ended && reading.IsCompletedSuccessfully;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        response.Dispose();
        reader.Dispose();
        try
        {
            await reading;
        }
        catch (Exception)
        {
            // The read ends with the response we just disposed.
        }
    }

    private async Task ReadAllAsync()
    {
        string? id = null, name = null;
        var data = new List<string>();
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        events.Writer.TryWrite(new SseEvent(id, name ?? "message", string.Join('\n', data)));
                    }

                    id = name = null;
                    data.Clear();
                    continue;
                }

                if (line[0] == ':')
                {
                    Interlocked.Increment(ref comments);
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
                        retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}
