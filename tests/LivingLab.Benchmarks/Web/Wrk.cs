using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// Runs wrk (Debian's package, a load generator written in C) against the benchmark site: it takes a fraction of the
/// CPU an in-process HttpClient load takes, which matters when the server and the load share two cores.
/// </summary>
internal static partial class Wrk
{
    public const string Path = "/usr/bin/wrk";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>One wrk run; <paramref name="script"/> is a Lua file for <c>-s</c>, or null.</summary>
    public static async Task<WrkResult> RunAsync(string url, int seconds, int threads, int connections, IReadOnlyList<string> headers, string? script = null)
    {
        var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", "Accept-Encoding: br, gzip" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var header in headers)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }

        if (script is not null)
        {
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(script);
        }

        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info)!;
        var text = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return Parse(text);
    }

    private static WrkResult Parse(string text)
    {
        var rate = double.Parse(RequestsPerSecond().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(text) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => int.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(rate, requests, Percentile(text, "50"), Percentile(text, "90"), Percentile(text, "99"), errors + socketErrors, text);
    }

    private static double Percentile(string text, string percent)
    {
        var match = Regex.Match(text, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

/// <summary>What one wrk run measured; latencies in milliseconds, <see cref="Errors"/> counts non-2xx answers and socket errors.</summary>
internal sealed record WrkResult(double RequestsPerSecond, long Requests, double P50Ms, double P90Ms, double P99Ms, int Errors, string Output);
