using System.Diagnostics;
using LivingLab.Storage;

namespace LivingLab.Benchmarks.Storage;

/// <summary>
/// Measures durable, version-guarded writes through <see cref="IStateStore"/>: concurrent callers, each owning some
/// grains as an activation owns its state, write one small state and one small event per call for a fixed time.
/// </summary>
public static class DurableWriteBenchmark
{
    private const string Payload = """{"title":"駐輪場の横にベンチを","status":"review","supporters":42,"tags":["park","bench"]}""";
    private const string EventPayload = """{"from":"draft","to":"review"}""";

    /// <summary>Runs the load against an already migrated storage; a short unmeasured warm-up comes first.</summary>
    public static async Task<DurableWriteReport> RunAsync(
        IStateStore storage,
        TimeSpan duration,
        int callers = 64,
        int grains = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentOutOfRangeException.ThrowIfLessThan(callers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(grains, callers);

        // A fresh key prefix per run, so repeated runs over one database never collide with earlier versions.
        var run = Guid.NewGuid().ToString("N")[..8];
        var warmUp = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, duration.Ticks / 5));
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureUntil = warmUp + duration;
        var latencies = new List<double>[callers];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var owned = Enumerable.Range(0, grains).Where(g => g % callers == caller)
                .Select(g => new StateId("bench.Idea", $"{run}-{g}", "state")).ToArray();
            var versions = new long[owned.Length];
            var samples = latencies[caller] = new List<double>(64 * 1024);
            for (var i = 0; !cancellationToken.IsCancellationRequested; i = (i + 1) % owned.Length)
            {
                var started = clock.Elapsed;
                if (started >= measureUntil)
                {
                    break;
                }

                EventData[] events = [new("IdeaMoved", EventPayload, "user-1", DateTimeOffset.UtcNow)];
                versions[i] = await storage.WriteAsync(new StateWrite(owned[i], Payload, versions[i], events), cancellationToken)
                    .ConfigureAwait(false);
                var finished = clock.Elapsed;
                if (started >= measureFrom && finished <= measureUntil)
                {
                    samples.Add((finished - started).TotalMilliseconds);
                }
            }
        }, cancellationToken)).ToArray();

        await Task.WhenAll(workers).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var attempted = latencies.Sum(l => l.Count);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new DurableWriteReport(
            storage.ProviderName,
            callers,
            grains,
            duration,
            all.Length,
            all.Length / duration.TotalSeconds,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            // Warm-up writes allocate too but are not samples: a slight overestimate, never an underestimate.
            allocated / (double)Math.Max(1, attempted));
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
}
