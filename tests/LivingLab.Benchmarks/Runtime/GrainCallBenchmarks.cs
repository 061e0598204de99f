using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>
/// A call to an already active, idle grain from outside any grain: the uncontended fast path, which runs the grain
/// method inline on the caller's thread. Target: at least 1,000,000 calls/s on one core, at most 128 bytes per call.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private BenchmarkSilo? silo;
    private IPingGrain grain = null!;

    /// <summary>
    /// A short job so a run takes about a minute on a small machine. <paramref name="oneCore"/> pins the benchmark
    /// process to CPU 0 through BenchmarkDotNet's affinity setting, so the GC and thread pool share that core too.
    /// </summary>
    /// <remarks>
    /// Twelve warm-up iterations (3 s): on one core the background tier-1 JIT competes with the benchmark thread, and with
    /// three the first measured iterations still ran unoptimised code at about three times the steady cost.
    /// </remarks>
    public static IConfig Config(bool oneCore)
    {
        var job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(12)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        job = oneCore ? job.WithAffinity(1).WithId("OneCore") : job.WithId("Short");
        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        silo = await BenchmarkSilo.StartAsync();
        grain = silo.Grains.GetGrain<IPingGrain>("bench");
        // The first call activates the grain; every measured call then finds it active and idle.
        await grain.Ping();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public Task Ping() => grain.Ping();

    [Benchmark]
    public Task<int> Count() => grain.Count();
}
