using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;

namespace LivingLab.Web.Features.Live;

/// <summary>
/// Server-Sent Events for live pages (text/event-stream written by hand, for comments as heartbeats and a retry hint):
/// <c>/live/challenges/{id}</c> (support-count, status), <c>/live/ideas/{id}</c> (vote-count, stage, status),
/// <c>/live/board</c> (board) and <c>/live/dashboard</c> (counts). Each event's data is an HTML fragment or text to swap
/// in (js/live.js). Never cached, never compressed, never rate limited. (A signed-in person's unread badge is a circuit's,
/// <c>NotificationBadge</c>: every signed-in page has one.)
/// </summary>
public static class LiveEndpoints
{
    /// <summary>How long a browser waits before reconnecting after a dropped stream.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    /// <summary>Registers the live hub and its fragments.</summary>
    public static IServiceCollection AddLivingLabLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveFragments>();
        services.AddSingleton<LiveHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHub>());
        return services;
    }

    /// <summary>Maps the four streams.</summary>
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        var live = app.MapGroup("/live").ExcludeFromDescription()
            .WithMetadata(new OutputCacheAttribute { NoStore = true })
            .DisableRateLimiting();
        live.MapGet("/challenges/{id}", (string id, HttpContext context, LiveHub hub) => ItemAsync("challenge", id, context, hub));
        live.MapGet("/ideas/{id}", (string id, HttpContext context, LiveHub hub) => ItemAsync("idea", id, context, hub));
        live.MapGet("/board", (HttpContext context, LiveHub hub) => ViewAsync("board", context, hub));
        live.MapGet("/dashboard", (HttpContext context, LiveHub hub) => ViewAsync("dashboard", context, hub));
        return app;
    }

    private static async Task ItemAsync(string kind, string id, HttpContext context, LiveHub hub)
    {
        var connection = NewConnection();
        if (await hub.WatchItemAsync(kind, id, connection) is not { } feed)
        {
            Refuse(context, StatusCodes.Status404NotFound);
            return;
        }

        try
        {
            await StreamAsync(context, connection, hub);
        }
        finally
        {
            hub.StopWatching(feed, connection);
        }
    }

    private static async Task ViewAsync(string view, HttpContext context, LiveHub hub)
    {
        var connection = NewConnection();
        var topic = hub.WatchView(view, connection, LastEventId(context));
        try
        {
            await StreamAsync(context, connection, hub);
        }
        finally
        {
            topic.Leave(connection);
        }
    }

    private static LiveConnection NewConnection() => new(LiveFragments.LanguageOf(CultureInfo.CurrentUICulture));

    // A bare status: an EventSource only looks at it, so the pages' not-found page would be wasted work.
    private static void Refuse(HttpContext context, int status)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
    }

    private static long? LastEventId(HttpContext context) =>
        long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task StreamAsync(HttpContext context, LiveConnection connection, LiveHub hub)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) would otherwise hold events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var registration = hub.Register(connection);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, hub.Stopping);
        var cancellation = ended.Token;
        var writer = response.BodyWriter;
        try
        {
            // The headers and the retry hint go out at once: the browser's EventSource opens now, not at the first event.
            Write(writer, $"retry: {(int)Retry.TotalMilliseconds}\n\n");
            await writer.FlushAsync(cancellation);
            while (true)
            {
                foreach (var message in await connection.WaitAsync(cancellation))
                {
                    writer.Write(message.Encoded.Span);
                }

                var flushed = await writer.FlushAsync(cancellation);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the stream simply ends (a browser reconnects after Retry).
        }
    }

    private static void Write(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }
}
