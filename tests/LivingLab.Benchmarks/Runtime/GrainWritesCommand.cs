using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>
/// Durable writes through Orleans grains: <c>grain-writes [sqlite|postgres] [seconds] [callers] [grains]</c>. Each caller
/// increments its own share of the grains in turn (caller c takes grains c, c + callers, …); a write counts once the
/// grain call returned, that is once state and event are committed. The same load as <c>durable-writes</c>, one layer up,
/// with the read models following the log as on a site; <c>--no-read-models</c> leaves them out to show their cost.
/// </summary>
public static class GrainWritesCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var readModels = !args.Contains("--no-read-models");
        args = [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        var grainCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000;

        await using var silo = await BenchmarkSilo.StartAsync(provider, readModels);
        var grains = Enumerable.Range(0, grainCount).Select(i => silo.Grains.GetGrain<ICounterGrain>($"counter-{i:D5}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Increment()));

        var latencies = new List<double>[callers];
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(65_536);
            for (var next = c; Stopwatch.GetTimestamp() < until; next = (next + callers) % grainCount)
            {
                var started = Stopwatch.GetTimestamp();
                await grains[next].Increment();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        // The read models follow the log in the background; how far behind they are when the load stops says
        // whether they kept up with it.
        var behind = Stopwatch.StartNew();
        await silo.Services.GetRequiredService<LivingLab.ReadModel.ProjectionRunner>().CatchUpAsync();
        var catchUp = behind.Elapsed.TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grain-writes: {provider}{(readModels ? "" : " without read models")}, {callers} callers over {grainCount:N0} grains, {seconds:F0} s: {all.Length:N0} durable writes = {all.Length / elapsed:N0}/s, p50 {Web.VoteLoadCommand.Percentile(all, 0.50):F2} ms, p99 {Web.VoteLoadCommand.Percentile(all, 0.99):F2} ms, {allocated / Math.Max(1, all.Length):N0} B allocated per write (whole process); read models caught up {catchUp:N0} ms after the last write"));
        return 0;
    }
}
