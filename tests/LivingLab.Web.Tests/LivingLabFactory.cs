using LivingLab.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LivingLab.Web.Tests;

/// <summary>The real web host over a fresh SQLite file (or PostgreSQL when asked), for API and browser tests.</summary>
public sealed class LivingLabFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;
    private readonly string environment;

    /// <summary>
    /// A host with these settings; <paramref name="clock"/> replaces the domain clock (what grains date and time: edit windows, lockout);
    /// <paramref name="environment"/> is Production unless a test checks what `dotnet run` (Development) does.
    /// </summary>
    public LivingLabFactory(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, string environment = "Production")
    {
        this.clock = clock;
        this.environment = environment;
        DatabasePath = Path.Combine(Path.GetTempPath(), "livinglab-web-tests", $"{Guid.NewGuid():N}.db");
        this.settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = DatabasePath,
            // Tests start from an empty store; only the demo tests ask for the demo town.
            ["LIVINGLAB_DEMO"] = "false",
            ["Demo:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>Starts a real Kestrel server on 127.0.0.1 with a free port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Every host gets ports of its own, picked when it is built: hosts derived with WithWebHostBuilder run beside it.
        if (!settings.ContainsKey("Orleans:SiloPort"))
        {
            foreach (var (key, value) in FreePorts.OrleansSettings())
            {
                builder.UseSetting(key, value);
            }
        }

        // Many hosts share this process: a silo declared dead stops its own host instead of ending the test run.
        builder.ConfigureTestServices(StopHostOnFatalError.ReplaceIn);

        if (clock is not null)
        {
            // The domain clock only: Orleans keeps the host's clock, so shifting "now" never upsets its timeouts.
            builder.ConfigureTestServices(services =>
            {
                foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TimeProvider) && Equals(d.ServiceKey, DomainClock.Key)).ToList())
                {
                    services.Remove(descriptor);
                }

                services.AddKeyedSingleton(DomainClock.Key, clock);
            });
        }
    }
}
