using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>
/// Calls from the co-hosted web to already active, idle grains: sequential (one call at a time), 64 concurrent calls on
/// 64 grains, and a record-sized argument and result with and without [Immutable] (Orleans deep-copies what is not
/// marked immutable, even between grains of one silo). The retired runtime's targets (1,000,000 calls/s, 128 bytes per
/// call) are not Orleans': it hops threads on every call (see docs/PERFORMANCE.md).
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private BenchmarkSilo? silo;
    private IPingGrain grain = null!;
    private IPingGrain[] many = null!;
    private readonly Task[] inFlight = new Task[64];
    private readonly ImmutablePayload immutable = new("公園のベンチが壊れている", new string('本', 400), [.. Enumerable.Range(0, 20).Select(i => $"tag-{i}")]);
    private readonly CopiedPayload copied = new() { Title = "公園のベンチが壊れている", Body = new string('本', 400), Tags = [.. Enumerable.Range(0, 20).Select(i => $"tag-{i}")] };

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
        many = [.. Enumerable.Range(0, 64).Select(i => silo.Grains.GetGrain<IPingGrain>($"bench-{i}"))];
        await Task.WhenAll(many.Select(g => g.Ping()));
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

    /// <summary>
    /// 64 calls one after another, each awaited, in one invocation; reported per call. BenchmarkDotNet blocks a thread
    /// on every invocation of <see cref="Ping"/>, so that figure includes waking it; this one is what a request handler
    /// that awaits its calls pays.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public async Task Sequential64()
    {
        for (var i = 0; i < 64; i++)
        {
            await grain.Ping();
        }
    }

    /// <summary>64 calls in flight on 64 grains; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public Task Concurrent64()
    {
        for (var i = 0; i < inFlight.Length; i++)
        {
            inFlight[i] = many[i].Ping();
        }

        return Task.WhenAll(inFlight);
    }

    [Benchmark]
    public Task<ImmutablePayload> EchoImmutable() => grain.Echo(immutable);

    [Benchmark]
    public Task<CopiedPayload> EchoCopied() => grain.EchoCopied(copied);
}
