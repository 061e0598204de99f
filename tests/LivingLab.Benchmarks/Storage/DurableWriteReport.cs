using System.Globalization;

namespace LivingLab.Benchmarks.Storage;

/// <summary>Result of <see cref="DurableWriteBenchmark.RunAsync"/>: acknowledged (durable) writes per second and their latency.</summary>
public sealed record DurableWriteReport(
    string Provider,
    int Callers,
    int Grains,
    TimeSpan Measured,
    long Writes,
    double WritesPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    double AllocatedBytesPerWrite)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Provider}: {WritesPerSecond:N0} durable writes/s ({Writes:N0} in {Measured.TotalSeconds:N1} s, {Callers} callers over {Grains} grains; "
        + $"latency p50 {P50Milliseconds:N2} ms, p99 {P99Milliseconds:N2} ms; {AllocatedBytesPerWrite:N0} B allocated per write, whole process)");
}

/// <summary>Result of a raw store limit measurement: plain batched INSERTs with the store's durability settings.</summary>
public sealed record RawStoreLimitReport(string Provider, int BatchSize, TimeSpan Measured, long Rows, double RowsPerSecond)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Provider} raw limit: {RowsPerSecond:N0} rows/s ({Rows:N0} rows in {Measured.TotalSeconds:N1} s, {BatchSize} rows per commit)");
}
