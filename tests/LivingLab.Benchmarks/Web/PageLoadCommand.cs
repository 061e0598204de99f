using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using LivingLab.Benchmarks.ReadModel;
using LivingLab.ReadModel;
using LivingLab.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// Page throughput (web issue): <c>pages [seconds] [connections] [challenges]</c>. The real site on SQLite with the demo
/// town and <c>challenges</c> generated ones, loaded by wrk (a separate process written in C, so the load generator takes
/// little of the two cores) on <c>/challenges</c> as an anonymous visitor, as a signed-in resident (never cached: every
/// request renders), and on a hello-world endpoint mapped in the same app behind the same middleware, for the ratio.
/// </summary>
public static class PageLoadCommand
{
    private const string HelloPath = "/hello-world";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var challenges = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        if (!Wrk.IsInstalled)
        {
            output.WriteLine("wrk is needed: apt-get install wrk");
            return 2;
        }

        var setup = Stopwatch.StartNew();
        await using var site = await BenchmarkSite.StartAsync("sqlite", demo: true,
            configure: app => app.MapGet(HelloPath, () => Results.Text("Hello, world!")));
        var events = await ListQueryBenchmark.SeedAsync(site.Services.GetRequiredService<IStateStore>(), challenges);
        await site.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var token = (await site.CreateResidentsAsync(1, "reader"))[0];
        output.WriteLine($"pages: demo town + {challenges:N0} generated challenges ({events:N0} events) ready in {setup.Elapsed.TotalSeconds:F1} s; wrk, {connections} connections, {seconds} s each, Accept-Encoding: br, gzip");

        var challengesUrl = new Uri(site.Address, "challenges").ToString();
        var rows = new List<(string Name, WrkResult Result)>
        {
            ("/challenges, anonymous", await WrkAsync(challengesUrl, seconds, connections, [])),
            ("/challenges, signed in (rendered every time)", await WrkAsync(challengesUrl, seconds, connections, [$"Authorization: Bearer {token}"])),
            ("hello world, same app", await WrkAsync(new Uri(site.Address, HelloPath.TrimStart('/')).ToString(), seconds, connections, [])),
            // The same list as JSON for the same signed-in caller: what the page costs beyond its query and sign-in.
            ("/api/challenges, signed in (same list as JSON)", await WrkAsync(new Uri(site.Address, "api/challenges?pageSize=20").ToString(), seconds, connections, [$"Authorization: Bearer {token}"])),
        };

        output.WriteLine("| load | requests/s | p50 | p99 | errors |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, result) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.RequestsPerSecond:N0} | {result.P50Ms:F2} ms | {result.P99Ms:F2} ms | {result.Errors} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio to hello world: anonymous {rows[0].Result.RequestsPerSecond / rows[2].Result.RequestsPerSecond:F2}, signed in {rows[1].Result.RequestsPerSecond / rows[2].Result.RequestsPerSecond:F2}"));
        return rows.All(r => r.Result.Errors == 0) ? 0 : 1;
    }

    private static async Task<WrkResult> WrkAsync(string url, int seconds, int connections, IReadOnlyList<string> headers)
    {
        // A short warm-up first, so the JIT and the cache are settled before the measured run.
        await Wrk.RunAsync(url, 3, 2, connections, headers);
        return await Wrk.RunAsync(url, seconds, 2, connections, headers);
    }
}
