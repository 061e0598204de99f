using System.Diagnostics;
using System.Globalization;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// Votes through the HTTP API on one node, then on two nodes of one Orleans cluster over the same PostgreSQL:
/// <c>votes-cluster [seconds] [clients] [ideas]</c> (needs <c>ConnectionStrings__Postgres</c>). Every client votes and
/// withdraws on one of <c>ideas</c> ideas; with two nodes, half the clients go through each node, so about half the calls
/// cross to the silo that holds the idea. The ratio is the cost of that hop on this machine, where both nodes share two
/// cores: not a scaling claim.
/// </summary>
public static class VoteClusterCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var ideaCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

        await using var first = await BenchmarkSite.StartAsync("postgres");
        var tokens = await first.CreateResidentsAsync(clients, "cluster-voter");
        var ideas = new List<string>();
        for (var i = 0; i < ideaCount; i++)
        {
            ideas.Add(await VoteLoadCommand.ProposeIdeaAsync(first, tokens[i % tokens.Count]));
        }

        output.WriteLine($"votes-cluster: postgres, {clients} clients on {ideaCount} ideas, {seconds} s per phase, {Environment.ProcessorCount} CPUs");
        var one = await MeasureAsync([first], tokens, ideas, seconds);
        output.WriteLine($"one node:  {one.PerSecond,8:N0} votes/s  p50 {one.P50:F2} ms  p99 {one.P99:F2} ms  failed {one.Failed}");

        await using var second = await BenchmarkSite.StartAsync("postgres");
        var two = await MeasureAsync([first, second], tokens, ideas, seconds);
        output.WriteLine($"two nodes: {two.PerSecond,8:N0} votes/s  p50 {two.P50:F2} ms  p99 {two.P99:F2} ms  failed {two.Failed}");
        output.WriteLine($"ratio two/one: {two.PerSecond / one.PerSecond:F2}");
        return one.Failed + two.Failed == 0 ? 0 : 1;
    }

    private static async Task<(double PerSecond, double P50, double P99, int Failed)> MeasureAsync(
        BenchmarkSite[] nodes, IReadOnlyList<string> tokens, IReadOnlyList<string> ideas, int seconds)
    {
        var handlers = nodes.Select(_ => new SocketsHttpHandler { MaxConnectionsPerServer = tokens.Count, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }).ToArray();
        var clients = nodes.Select((n, i) => new HttpClient(handlers[i]) { BaseAddress = n.Address }).ToArray();
        try
        {
            // Client k goes through node k mod N and votes on idea k mod ideas.
            var groups = Enumerable.Range(0, nodes.Length * ideas.Count)
                .Select(g => (Node: g % nodes.Length, Idea: g / nodes.Length))
                .Select(g => (g.Node, g.Idea, Tokens: tokens.Where((_, k) => k % nodes.Length == g.Node && k / nodes.Length % ideas.Count == g.Idea).ToList()))
                .Where(g => g.Tokens.Count > 0)
                .ToList();
            // The votes benchmark's warm-up: tiered compilation is still busy with Orleans' paths after a few seconds.
            await Task.WhenAll(groups.Select(g => VoteLoadCommand.RunPhaseAsync(clients[g.Node], g.Tokens, ideas[g.Idea], TimeSpan.FromSeconds(15), record: null)));
            var recorded = groups.Select(g => (Latencies: new List<double>[g.Tokens.Count], Failures: new int[g.Tokens.Count])).ToList();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(groups.Select((g, i) => VoteLoadCommand.RunPhaseAsync(clients[g.Node], g.Tokens, ideas[g.Idea], TimeSpan.FromSeconds(seconds), recorded[i])));
            var elapsed = clock.Elapsed.TotalSeconds;
            var all = recorded.SelectMany(r => r.Latencies).SelectMany(l => l).Order().ToArray();
            return (all.Length / elapsed, VoteLoadCommand.Percentile(all, 0.50), VoteLoadCommand.Percentile(all, 0.99), recorded.Sum(r => r.Failures.Sum()));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            foreach (var handler in handlers)
            {
                handler.Dispose();
            }
        }
    }
}
