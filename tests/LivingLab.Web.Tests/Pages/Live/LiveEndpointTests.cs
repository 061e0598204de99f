using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Features.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>The live streams over HTTP: what arrives after a vote, a support, a stage move or a reply, and how streams end and resume.</summary>
public sealed class LiveEndpointTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idea_stream_starts_with_the_idea_as_it_stands_then_brings_each_vote_and_the_new_stage_badge()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await using var stream = await SseStream.OpenAsync(lab.Anonymous, $"/live/ideas/{id}");

        var first = await stream.NextAsync("vote-count");
        var firstStage = await stream.NextAsync("stage");
        using var voted = await lab.Partner.PostAsync($"/api/ideas/{id}/votes", null);
        var afterVote = await stream.NextAsync("vote-count");
        await lab.Advance(id, "research");
        var moved = await stream.NextAsync("stage");
        var status = await stream.ReceivesWithinAsync("status", TimeSpan.FromSeconds(1));

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", stream.Response.Headers.CacheControl?.ToString());
        Assert.Equal(3000, stream.Retry);
        Assert.Equal("0", first.Data);
        Assert.Contains("data-testid=\"stage\"", firstStage.Data);
        Assert.Contains("課題発見", firstStage.Data);
        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);
        Assert.Equal("1", afterVote.Data);
        Assert.True(long.Parse(afterVote.Id!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(first.Id!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("stage-research", moved.Data);
        Assert.Contains("調査", moved.Data);
        // The status did not change (still open), so it is not sent again.
        Assert.False(status);
    }

    [Fact]
    public async Task A_challenge_stream_in_english_brings_the_support_count_and_the_status_in_words()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();
        await using var stream = await SseStream.OpenAsync(lab.Anonymous, $"/live/challenges/{id}?culture=en");

        var count = await stream.NextAsync("support-count");
        var status = await stream.NextAsync("status");
        using var supported = await lab.Partner.PostAsync($"/api/challenges/{id}/support", null);
        var afterSupport = await stream.NextAsync("support-count");
        using var declined = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/decline", new { reason = "町の管理ではない施設のため" });
        var afterDecline = await stream.NextAsync("status");

        Assert.Equal("0", count.Data);
        Assert.Contains(">Open<", status.Data);
        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        Assert.Equal("1", afterSupport.Data);
        Assert.True(declined.IsSuccessStatusCode);
        Assert.Contains(">Declined<", afterDecline.Data);
    }

    [Fact]
    public async Task A_stream_ends_cleanly_when_its_client_goes_and_the_last_one_ends_the_grain_subscription()
    {
        await using var lab = await Lab.StartAsync();
        var hub = lab.Factory.Services.GetRequiredService<LiveHub>();
        var id = await lab.NewIdea();
        var one = await SseStream.OpenAsync(lab.Anonymous, $"/live/ideas/{id}");
        await using var two = await SseStream.OpenAsync(lab.Anonymous, $"/live/ideas/{id}");
        await one.NextAsync("vote-count");
        await two.NextAsync("vote-count");
        Assert.Equal((2, 1), (hub.ItemConnections, hub.WatchedItems));

        await one.DisposeAsync();
        await Eventually(() => hub.ItemConnections == 1);
        using var voted = await lab.Resident.PostAsync($"/api/ideas/{id}/votes", null);
        Assert.Equal("1", (await two.NextAsync("vote-count")).Data);
        await two.DisposeAsync();

        await Eventually(() => hub.ItemConnections == 0 && hub.WatchedItems == 0);
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_what_it_missed_at_once()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();
        string? lastId;
        await using (var first = await SseStream.OpenAsync(lab.Anonymous, $"/live/challenges/{id}"))
        {
            lastId = (await first.NextAsync("support-count")).Id;
        }

        using var supported = await lab.Partner.PostAsync($"/api/challenges/{id}/support", null);
        await using var again = await SseStream.OpenAsync(lab.Anonymous, $"/live/challenges/{id}", lastId);

        Assert.Equal("1", (await again.NextAsync("support-count")).Data);
        using var more = await lab.Resident.PostAsync($"/api/challenges/{id}/support", null);
        Assert.Equal("2", (await again.NextAsync("support-count")).Data);
    }

    [Fact]
    public async Task Unknown_items_are_not_found()
    {
        await using var lab = await Lab.StartAsync();

        using var unknown = await lab.Anonymous.GetAsync("/live/ideas/0000000000000000");
        using var malformed = await lab.Anonymous.GetAsync("/live/challenges/NOT-AN-ID");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(0, lab.Factory.Services.GetRequiredService<LiveHub>().WatchedItems);
    }

    [Fact]
    public async Task The_board_hears_of_an_ideas_move_and_the_dashboard_of_a_new_challenge_once_the_lists_hold_them()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await lab.CatchUpAsync();
        await using var board = await SseStream.OpenAsync(lab.Anonymous, "/live/board");
        await using var dashboard = await SseStream.OpenAsync(lab.Anonymous, "/live/dashboard");

        await lab.Advance(id, "research");
        // The idea's creation is signalled to the board too, and signals are sent at most every 2 s, so its signal may
        // still arrive after the stream opened: the move's own signal is at most one message later.
        var moved = await board.NextAsync("board");
        var listed = await Lab.GetJson(lab.Anonymous, "/api/ideas?stage=research");
        if (listed.GetProperty("total").GetInt32() == 0)
        {
            moved = await board.NextAsync("board");
            listed = await Lab.GetJson(lab.Anonymous, "/api/ideas?stage=research");
        }

        await lab.NewChallenge();
        var counted = await dashboard.NextAsync("counts");

        Assert.False(string.IsNullOrEmpty(moved.Data));
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(counted.Id, counted.Data);
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeat_comments_and_ends_when_the_host_stops()
    {
        var factory = new LivingLabFactory(new Dictionary<string, string?> { ["Live:HeartbeatSeconds"] = "1" });
        using var http = new HttpClient { BaseAddress = factory.StartKestrel() };
        await using var stream = await SseStream.OpenAsync(http, "/live/dashboard");

        var beat = !await stream.ReceivesWithinAsync("never-sent", TimeSpan.FromSeconds(3));
        var stopping = factory.DisposeAsync().AsTask();

        Assert.True(beat);
        Assert.True(stream.Comments >= 2, $"{stream.Comments} heartbeats in 3 s");
        Assert.True(await stream.EndsWithinAsync(TimeSpan.FromSeconds(10)), "the stream was still open after the host stopped");
        await stopping;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Soon;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not become true in time");
            await Task.Delay(20);
        }
    }
}
