using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// Live updates under load: <c>live [sqlite|postgres] [connections] [votes]</c>. The site runs in a child process of its
/// own (<c>live-server</c>), so its memory is the server's alone. This process opens <c>connections</c> event streams on
/// ONE idea (<c>/live/ideas/{id}</c>), measures the server's memory with them idle, then casts <c>votes</c> votes (a vote,
/// then its withdrawal, 300 ms apart) and times, for every stream, from sending the vote to the new vote-count arriving.
/// The load generator shares the machine's cores with the server, so the latencies are an upper bound.
/// </summary>
public static class LiveLoadCommand
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var votes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;

        using var server = StartServer(provider);
        var ready = (await ReadAnswerAsync(server, "ready ")).Split(' ');
        if (ready is not ["ready", var address, var ideaId, var token])
        {
            throw new InvalidOperationException($"Unexpected line from the live server: {string.Join(' ', ready)}");
        }

        output.WriteLine($"live: {provider}, {connections:N0} streams on one idea, {votes} votes {Spacing.TotalMilliseconds:N0} ms apart; server pid {server.Id}");
        output.WriteLine($"server memory, no stream:        {await MemoryAsync(server)}");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var streams = new Stream[connections];
        var opened = Stopwatch.StartNew();
        await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            streams[i] = new Stream(http, $"live/ideas/{ideaId}");
            await streams[i].OpenAsync(stop.Token);
        });
        var readers = streams.Select(s => Task.Run(() => s.ReadAsync(stop.Token))).ToArray();
        while (streams.Any(s => s.Arrivals.Count == 0))
        {
            await Task.Delay(50);
        }

        output.WriteLine($"{connections:N0} streams open and served the idea in {opened.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(5));
        output.WriteLine($"server memory, {connections:N0} idle streams: {await MemoryAsync(server)}");

        using var voter = new HttpClient { BaseAddress = new Uri(address) };
        voter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sent = new List<(long Started, long Answered, string Expected)>();
        for (var v = 0; v < votes; v++)
        {
            var voting = v % 2 == 0;
            using var request = new HttpRequestMessage(voting ? HttpMethod.Post : HttpMethod.Delete, $"api/ideas/{ideaId}/votes")
            {
                Content = voting ? JsonContent.Create(new { }) : null,
            };
            var started = Stopwatch.GetTimestamp();
            using var response = await voter.SendAsync(request);
            response.EnsureSuccessStatusCode();
            sent.Add((started, Stopwatch.GetTimestamp(), voting ? "1" : "0"));
            await Task.Delay(Spacing);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var fromSend = new List<double>();
        var fromAnswer = new List<double>();
        var missed = 0;
        foreach (var stream in streams)
        {
            // After the first (the idea as it stood), one count per vote in order; a stream that fell behind by a whole
            // vote gets only the newest count (by design), so the skipped vote counts as missed for it.
            var arrivals = stream.Arrivals.Skip(1).ToList();
            var next = 0;
            for (var v = 0; v < sent.Count; v++)
            {
                var (started, answered, expected) = sent[v];
                while (next < arrivals.Count && arrivals[next].At < started)
                {
                    next++;
                }

                if (next == arrivals.Count || arrivals[next].Value != expected)
                {
                    missed++;
                    continue;
                }

                fromSend.Add(Stopwatch.GetElapsedTime(started, arrivals[next].At).TotalMilliseconds);
                fromAnswer.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, arrivals[next].At).TotalMilliseconds));
                next++;
            }
        }

        var writes = sent.Select(x => Stopwatch.GetElapsedTime(x.Started, x.Answered).TotalMilliseconds).Order().ToArray();
        var a = fromSend.Order().ToArray();
        var b = fromAnswer.Order().ToArray();
        output.WriteLine($"deliveries: {a.Length:N0} of {sent.Count * connections:N0} (missed {missed:N0})");
        output.WriteLine($"vote request (durable write), ms:            p50 {P(writes, 0.50):F1}  p90 {P(writes, 0.90):F1}  p99 {P(writes, 0.99):F1}  max {writes.LastOrDefault():F1}");
        output.WriteLine($"vote sent -> count on every stream, ms:      p50 {P(a, 0.50):F1}  p90 {P(a, 0.90):F1}  p99 {P(a, 0.99):F1}  max {a.LastOrDefault():F1}");
        output.WriteLine($"vote answered (2xx) -> count on stream, ms:  p50 {P(b, 0.50):F1}  p90 {P(b, 0.90):F1}  p99 {P(b, 0.99):F1}  max {b.LastOrDefault():F1}");
        output.WriteLine($"server memory after the votes:   {await MemoryAsync(server)}");

        await stop.CancelAsync();
        foreach (var stream in streams)
        {
            stream.Dispose();
        }

        await Task.WhenAll(readers);
        await server.StandardInput.WriteLineAsync("exit");
        await server.WaitForExitAsync();
        return missed == 0 ? 0 : 1;
    }

    /// <summary>The child process: the site, one voter and one idea; answers "memory" on its input until "exit".</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        await using var site = await BenchmarkSite.StartAsync(provider);
        var token = (await site.CreateResidentsAsync(1, "live"))[0];
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await http.PostAsJsonAsync("api/ideas", new { title = "オンライン議会のアーカイブ配信", summary = "議会をオンラインで中継し、録画を公開する。", category = "digital" });
        created.EnsureSuccessStatusCode();
        var ideaId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Console.WriteLine($"ready {site.Address} {ideaId} {token}");
        while (await Console.In.ReadLineAsync() is { } command && command != "exit")
        {
            if (command == "memory")
            {
                using var self = Process.GetCurrentProcess();
                self.Refresh();
                var workingSet = self.WorkingSet64;
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                var live = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"working set {workingSet / 1048576.0:F1} MB, GC heap {heap / 1048576.0:F1} MB (live after a full GC {live / 1048576.0:F1} MB)");
            }
        }

        return 0;
    }

    private static Process StartServer(string provider)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(LiveLoadCommand).Assembly.Location);
        }

        info.ArgumentList.Add("live-server");
        info.ArgumentList.Add(provider);
        foreach (var name in new[] { "ConnectionStrings__Postgres" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the live server.");
    }

    private static async Task<string> MemoryAsync(Process server)
    {
        await server.StandardInput.WriteLineAsync("memory");
        return await ReadAnswerAsync(server, "working set");
    }

    // The site's own log lines (warnings) share the child's output with the answers: skip them.
    private static async Task<string> ReadAnswerAsync(Process server, string prefix)
    {
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The live server stopped answering.");
    }

    private static double P(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>One event stream: when each vote-count arrived and what it said.</summary>
    private sealed class Stream(HttpClient http, string path) : IDisposable
    {
        private HttpResponseMessage? response;
        private StreamReader? reader;

        public List<(long At, string Value)> Arrivals { get; } = [];

        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        }

        public async Task ReadAsync(CancellationToken cancellationToken)
        {
            var isCount = false;
            try
            {
                while (await reader!.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        isCount = line == "event: vote-count";
                    }
                    else if (isCount && line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        var at = Stopwatch.GetTimestamp();
                        lock (Arrivals)
                        {
                            Arrivals.Add((at, line[6..]));
                        }
                    }
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The run is over.
            }
        }

        public void Dispose()
        {
            reader?.Dispose();
            response?.Dispose();
        }
    }
}
