using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.Ideas;
using LivingLab.People;
using Orleans;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// Votes through the HTTP API: <c>votes [sqlite|postgres] [pastVotes] [seconds] [clients]</c>. Clients (each a resident
/// with a personal access token, one connection each) all vote on ONE idea — the hardest case, since one grain owns
/// every vote — alternating POST (vote) and DELETE (withdraw), so every request is a durable write of a vote row, its
/// event and the idea's state. <c>pastVotes</c> votes by other people are stored on the idea before the run, to show
/// that a vote costs the same at 0 and at 100,000.
/// </summary>
public static class VoteLoadCommand
{
    public static async Task<int> RunAsync(string[] arguments, TextWriter output)
    {
        var useWrk = arguments.Contains("--wrk");
        var args = arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var pastVotes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;

        await using var site = await BenchmarkSite.StartAsync(provider);
        output.WriteLine($"votes: {provider}, {clients} clients, {seconds} s, {pastVotes:N0} past votes on the idea, load from {(useWrk ? "wrk" : "this process")}");
        var setup = Stopwatch.StartNew();
        var tokens = await site.CreateResidentsAsync(clients, "voter");
        var ideaId = await ProposeIdeaAsync(site, tokens[0]);
        await StorePastVotesAsync(site, ideaId, pastVotes);
        output.WriteLine($"setup: {clients} residents, 1 idea, {pastVotes:N0} past votes in {setup.Elapsed.TotalSeconds:F1} s");

        if (useWrk)
        {
            return await RunWithWrkAsync(site, tokens, ideaId, seconds, pastVotes, output);
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = site.Address };
        // Long enough for tiered compilation to settle: Orleans' paths were still being recompiled (the JIT took 15% of
        // a core) 10 s into the load after the 3 s warm-up this had before, so a 20 s run measured warm-up, not a server.
        await RunPhaseAsync(http, tokens, ideaId, TimeSpan.FromSeconds(15), record: null);
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var clock = Stopwatch.StartNew();
        await RunPhaseAsync(http, tokens, ideaId, TimeSpan.FromSeconds(seconds), (latencies, failures));
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var count = await VoteCountAsync(site, ideaId);
        output.WriteLine($"durable vote writes: {all.Length:N0} in {elapsed:F1} s = {all.Length / elapsed:N0}/s, failed {failures.Sum():N0}");
        output.WriteLine($"latency ms: p50 {Percentile(all, 0.50):F2}  p90 {Percentile(all, 0.90):F2}  p99 {Percentile(all, 0.99):F2}  max {all.LastOrDefault():F2}");
        output.WriteLine($"idea vote count after the run: {count:N0} (past votes {pastVotes:N0} + clients that ended on a vote)");
        return failures.Sum() == 0 ? 0 : 1;
    }

    internal static async Task RunPhaseAsync(HttpClient http, IReadOnlyList<string> tokens, string ideaId, TimeSpan duration, (List<double>[] Latencies, int[] Failures)? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var path = $"api/ideas/{ideaId}/votes";
        await Task.WhenAll(tokens.Select((token, client) => Task.Run(async () =>
        {
            var latencies = record is { } r ? r.Latencies[client] = new List<double>(16_384) : null;
            var auth = new AuthenticationHeaderValue("Bearer", token);
            // Each client starts from "not voted" (the warm-up may end either way): ask, then alternate.
            var voted = await HasVotedAsync(http, auth, ideaId);
            while (Stopwatch.GetTimestamp() < until)
            {
                using var request = new HttpRequestMessage(voted ? HttpMethod.Delete : HttpMethod.Post, path);
                request.Headers.Authorization = auth;
                request.Content = voted ? null : JsonContent.Create(new { });
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    voted = !voted;
                    latencies?.Add(ms);
                }
                else if (record is { } rec)
                {
                    rec.Failures[client]++;
                    voted = await HasVotedAsync(http, auth, ideaId);
                }
            }
        })));
    }

    private static async Task<int> RunWithWrkAsync(BenchmarkSite site, IReadOnlyList<string> tokens, string ideaId, int seconds, int pastVotes, TextWriter output)
    {
        if (!Wrk.IsInstalled)
        {
            output.WriteLine("wrk is needed: apt-get install wrk");
            return 2;
        }

        // The same 15 s warm-up as the in-process load; every resident starts without a vote.
        await WrkVoteLoad.RunAsync(site.Address, ideaId, tokens, tokens.Select(_ => false).ToArray(), 15);
        using var http = new HttpClient { BaseAddress = site.Address };
        var voted = await Task.WhenAll(tokens.Select(token => HasVotedAsync(http, new AuthenticationHeaderValue("Bearer", token), ideaId)));
        var (result, refused) = await WrkVoteLoad.RunAsync(site.Address, ideaId, tokens, voted, seconds);

        var count = await VoteCountAsync(site, ideaId);
        var writes = result.Requests - refused;
        output.WriteLine($"durable vote writes: {writes:N0} in {seconds} s = {writes / (double)seconds:N0}/s, refused {refused:N0}, socket errors and non-2xx {result.Errors:N0}");
        output.WriteLine($"latency ms (wrk): p50 {result.P50Ms:F2}  p90 {result.P90Ms:F2}  p99 {result.P99Ms:F2}");
        output.WriteLine($"idea vote count after the run: {count:N0} (past votes {pastVotes:N0} + clients that ended on a vote)");
        return result.Errors == 0 ? 0 : 1;
    }

    private static async Task<bool> HasVotedAsync(HttpClient http, AuthenticationHeaderValue auth, string ideaId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/ideas/{ideaId}");
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("votedByMe").GetBoolean();
    }

    internal static async Task<string> ProposeIdeaAsync(BenchmarkSite site, string token)
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await http.PostAsJsonAsync("api/ideas", new { title = "オンライン議会のアーカイブ配信", summary = "議会をオンラインで中継し、録画を公開する。", category = "digital" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    // Past votes go straight to the grain, as 100,000 people registering first would take hours of password hashing.
    private static async Task StorePastVotesAsync(BenchmarkSite site, string ideaId, int count)
    {
        var grains = site.Services.GetRequiredService<IGrainFactory>();
        const int InFlight = 2_000;
        for (var start = 0; start < count; start += InFlight)
        {
            var batch = Enumerable.Range(start, Math.Min(InFlight, count - start)).Select(i => Task.Run(async () =>
            {
                Caller.Set($"past-voter-{i}", [Roles.Resident]);
                var voted = await grains.GetGrain<IIdeaGrain>(ideaId).VoteAsync();
                if (!voted.Succeeded)
                {
                    throw new InvalidOperationException($"Past vote {i} was refused: {voted.Rejection!.Code}");
                }
            }));
            await Task.WhenAll(batch);
        }
    }

    private static async Task<int> VoteCountAsync(BenchmarkSite site, string ideaId)
    {
        Caller.Clear();
        var idea = await site.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdeaGrain>(ideaId).GetAsync();
        return idea!.VoteCount;
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
