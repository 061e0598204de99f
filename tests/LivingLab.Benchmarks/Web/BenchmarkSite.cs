using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// The real web app (the same AddLivingLabWeb/UseLivingLabWeb as Program.cs) on Kestrel at 127.0.0.1, over a fresh
/// SQLite file or the PostgreSQL in ConnectionStrings__Postgres, with rate limits and the demo town off.
/// </summary>
internal sealed class BenchmarkSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? directory;

    private BenchmarkSite(WebApplication app, Uri address, string? directory)
    {
        this.app = app;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts the site; <paramref name="demo"/> seeds the demo town first, <paramref name="configure"/> maps extra endpoints.</summary>
    public static async Task<BenchmarkSite> StartAsync(string provider, bool demo = false, Action<WebApplication>? configure = null)
    {
        var settings = new Dictionary<string, string?>(FreePorts.OrleansSettings())
        {
            ["RateLimits:Enabled"] = "false",
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["LIVINGLAB_DEMO"] = demo ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        string? directory = null;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                ?? throw new InvalidOperationException("Set ConnectionStrings__Postgres (scripts/pg.sh start DIR prints one).");
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "livinglab-bench", Guid.NewGuid().ToString("N"));
            settings["Storage:Sqlite:Path"] = Path.Combine(directory, "site.db");
        }

        var port = FreePorts.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // wwwroot's precompressed files, mapped by the web project's runtime manifest in this build's output.
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        builder.AddLivingLabWeb();
        var app = builder.Build();
        app.UseLivingLabWeb();
        configure?.Invoke(app);
        await app.StartAsync();
        return new BenchmarkSite(app, new Uri($"http://127.0.0.1:{port}/"), directory);
    }

    /// <summary>Registers <paramref name="count"/> residents and returns a personal access token for each.</summary>
    public async Task<IReadOnlyList<string>> CreateResidentsAsync(int count, string prefix)
    {
        var tokens = new string[count];
        // Password hashing is deliberately slow; a few at a time keeps both cores busy without starving Kestrel.
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = Address };
            var email = $"{prefix}-{i}@bench.livinglab.jp";
            const string password = "bench-password-123";
            (await client.PostAsJsonAsync("api/account/register", new { email, password, displayName = $"住民{i}" }, ct)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("api/account/login", new { email, password }, ct)).EnsureSuccessStatusCode();
            var created = await client.PostAsJsonAsync("api/account/tokens", new { name = "bench" }, ct);
            created.EnsureSuccessStatusCode();
            tokens[i] = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString()!;
        });
        return tokens;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
