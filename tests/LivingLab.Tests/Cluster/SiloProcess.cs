using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.Cluster;

/// <summary>
/// A stand-alone silo in a process of its own: the built LivingLab.Silo.dll (what <c>dotnet run --project silo</c>
/// runs), started with <c>dotnet</c> on free loopback ports, its output kept for failure messages. Dispose kills it.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiloProcess(string name, Process process, Uri health, int siloPort, int gatewayPort)
    {
        Name = name;
        this.process = process;
        Health = health;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    /// <summary>The silo's /healthz.</summary>
    public Uri Health { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// The silo's entry assembly: copied beside this test assembly by the project reference (with its runtimeconfig and
    /// deps files), else the silo project's own output folder of the same configuration.
    /// </summary>
    public static string SiloAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "LivingLab.Silo.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // bin/<Configuration>/<TargetFramework>/ of this assembly names the silo's output folder too.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        for (var directory = framework; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LivingLab.sln")))
            {
                var built = Path.Combine(directory.FullName, "silo", "bin", configuration, framework.Name, "LivingLab.Silo.dll");
                return File.Exists(built)
                    ? built
                    : throw new FileNotFoundException($"the silo is not built: {built} is missing (dotnet build LivingLab.sln)", built);
            }
        }

        throw new FileNotFoundException($"LivingLab.Silo.dll is neither beside {AppContext.BaseDirectory} nor in a silo project above it");
    }

    /// <summary>Starts a silo process on <paramref name="connectionString"/> with <paramref name="settings"/> as extra command-line settings.</summary>
    public static SiloProcess Start(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var assembly = SiloAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        var arguments = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(name, process, new Uri($"http://127.0.0.1:{httpPort}/healthz"), siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>
    /// Waits (bounded) until /healthz answers 200 with this silo active among <paramref name="activeSilos"/> active
    /// silos; fails at once, with the process's output, if it exits.
    /// </summary>
    public async Task WaitForHealthAsync(HttpClient http, int activeSilos, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        string last = "no answer yet";
        while (waited.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo {Name} exited with {process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(Health);
                var body = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {body}";
                if (response.IsSuccessStatusCode && ActiveSilos(body) == activeSilos)
                {
                    return;
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"silo {Name} did not report {activeSilos} active silos within {limit}; last /healthz: {last}\n{Output()}");
    }

    /// <summary>kill -9: the process ends at once, with no chance to tell the cluster.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Output() => string.Join('\n', output);

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static int ActiveSilos(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("activeSilos").GetInt32();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue($"[{Name}] {line}");
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }
}
