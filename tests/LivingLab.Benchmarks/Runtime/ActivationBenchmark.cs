using System.Diagnostics;
using System.Globalization;
using Orleans;

namespace LivingLab.Benchmarks.Runtime;

/// <summary>
/// Activates many distinct grains with no state (one call each) and measures what stays on the heap per activation,
/// and how fast activations happen. Target: 100,000 activations at no more than 1 KiB of runtime overhead each.
/// A plain measurement rather than BenchmarkDotNet: the quantity is retained memory, not time per operation.
/// </summary>
public static class ActivationBenchmark
{
    public static async Task RunAsync(int count, int concurrency, TextWriter output)
    {
        await using var silo = await BenchmarkSilo.StartAsync();
        var runtime = silo.Grains;
        var grainSize = MeasureGrainObjectSize();

        // Warm-up on other keys so JIT and first-use allocations of the runtime do not count as per-activation cost.
        await ActivateAsync(runtime, Keys("warm", 2_000), concurrency: 1);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} activations of {nameof(EmptyGrain)} (no state, one call each); grain object {grainSize} B; {Environment.ProcessorCount} CPUs"));
        output.WriteLine("mode                 activations/s   retained B/activation (raw)   net of grain object");
        await MeasureAsync(runtime, "sequential", Keys("seq", count), concurrency: 1, grainSize, output);
        await MeasureAsync(runtime, $"{concurrency} in flight", Keys("par", count), concurrency, grainSize, output);
        var held = await silo.ActivationCountAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"activations held by the silo: {held:N0}"));
    }

    private static async Task MeasureAsync(IGrainFactory runtime, string mode, string[] keys, int concurrency, long grainSize, TextWriter output)
    {
        // Keys are made before the first snapshot: they are the application's identities, not runtime overhead.
        var before = RetainedBytes();
        var clock = Stopwatch.StartNew();
        await ActivateAsync(runtime, keys, concurrency);
        var elapsed = clock.Elapsed;
        var after = RetainedBytes();
        GC.KeepAlive(keys);

        var perActivation = (double)(after - before) / keys.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode,-20} {keys.Length / elapsed.TotalSeconds,13:N0}   {perActivation,27:N1}   {perActivation - grainSize,19:N1}"));
    }

    private static async Task ActivateAsync(IGrainFactory runtime, string[] keys, int concurrency)
    {
        var next = -1;
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < keys.Length; i = Interlocked.Increment(ref next))
                {
                    await runtime.GetGrain<IEmptyGrain>(keys[i]).Touch();
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private static string[] Keys(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D7}")).ToArray();

    private static long RetainedBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long MeasureGrainObjectSize()
    {
        const int samples = 1_000;
        var keep = new EmptyGrain[samples];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < samples; i++)
        {
            keep[i] = new EmptyGrain();
        }

        var size = (GC.GetAllocatedBytesForCurrentThread() - before) / samples;
        GC.KeepAlive(keep);
        return size;
    }
}
