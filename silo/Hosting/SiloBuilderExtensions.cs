using System.Globalization;
using System.Net;
using LivingLab.Demo;
using LivingLab.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace LivingLab.Hosting;

/// <summary>Makes an Orleans silo a LivingLab silo: <c>builder.UseOrleans(silo => silo.AddLivingLab(configuration))</c>.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Orleans' default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Orleans' default gateway (client) port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The ADO.NET invariant Orleans' providers load Npgsql by.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds the store and read models (unless added already), the storage provider <c>"livinglab"</c> for Orleans'
    /// <c>[PersistentState]</c>, the evented-state facet and clustering from configuration (<c>Orleans:*</c>).
    /// </summary>
    public static ISiloBuilder AddLivingLab(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddLivingLabStore(configuration);
        WrapDomainClockForTheDemo(silo.Services);
        CachedGrainInterfaceTypes.ReplaceOrleansProvider(silo.Services);
        silo.Services.TryAddSingleton<StoredGrainTypes>();
        silo.Services.TryAddSingleton<EventedStateServices>();
        silo.Services.TryAddSingleton<IAttributeToFactoryMapper<EventedStateAttribute>, EventedStateAttributeMapper>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(
            LivingLabGrainStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<LivingLabGrainStorage>(sp));

        var settings = OrleansSettings.From(configuration);
        if (StorageFactory.IsPostgres(configuration))
        {
            // Membership and reminders in the same PostgreSQL as the store (tables and query texts from the project's
            // migrations 0007 and 0008), so N silos on one database form one cluster.
            var connectionString = StorageFactory.PostgresConnectionString(configuration);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAny);
        }
        else
        {
            // One process serves the town: Orleans' in-process membership, reminders in the SQLite file.
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            silo.UseSqliteReminders(StorageFactory.SqlitePath(configuration));
        }

        return silo;
    }

    // Grains date what they record by the domain clock; the demo seeder, wherever it runs, sends the moment of each step
    // along its calls (DemoClock.TravelTo), and this wrapper reads it. Outside the seeder's calls it is the clock it wraps.
    private static void WrapDomainClockForTheDemo(IServiceCollection services)
    {
        var domainClock = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider) && Equals(d.ServiceKey, DomainClock.Key));
        if (domainClock is null)
        {
            return;
        }

        services.Remove(domainClock);
        services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, (sp, key) => new DemoClock(domainClock switch
        {
            { KeyedImplementationInstance: TimeProvider instance } => instance,
            { KeyedImplementationFactory: { } factory } => (TimeProvider)factory(sp, key),
            _ => sp.GetRequiredService<TimeProvider>(),
        }));
    }
}

/// <summary>
/// The <c>Orleans:*</c> settings: cluster and service ids, the two ports (several nodes on one machine differ by their
/// ports) and, in a PostgreSQL cluster, the address other silos reach this one at (<c>Orleans:AdvertisedAddress</c>,
/// 127.0.0.1 by default; any other address also makes the silo listen on every interface).
/// </summary>
public sealed record OrleansSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress Address)
{
    /// <summary>
    /// Whether this node joins the cluster as an Orleans client only (<c>Orleans:Role=Client</c>) instead of co-hosting
    /// a silo (<c>Silo</c>, the default); anything else stops start-up with a message.
    /// </summary>
    public static bool IsClient(IConfiguration configuration) => configuration["Orleans:Role"]?.Trim() switch
    {
        null or "" => false,
        var role when role.Equals("Silo", StringComparison.OrdinalIgnoreCase) => false,
        var role when role.Equals("Client", StringComparison.OrdinalIgnoreCase) => true,
        var role => throw new InvalidOperationException($"Orleans:Role is '{role}'; it must be Silo (the default: this node hosts a silo) or Client."),
    };

    /// <summary>Whether to listen on every interface: when the advertised address is not loopback.</summary>
    public bool ListenOnAny => !IPAddress.IsLoopback(Address);

    /// <summary>Reads the settings, with defaults fine for one town; a port that is not a number stops start-up with a message.</summary>
    public static OrleansSettings From(IConfiguration configuration) => new(
        configuration["Orleans:ClusterId"] is { Length: > 0 } cluster ? cluster : "livinglab",
        configuration["Orleans:ServiceId"] is { Length: > 0 } service ? service : "livinglab",
        Port(configuration, "Orleans:SiloPort", SiloBuilderExtensions.DefaultSiloPort),
        Port(configuration, "Orleans:GatewayPort", SiloBuilderExtensions.DefaultGatewayPort),
        AddressOf(configuration));

    private static IPAddress AddressOf(IConfiguration configuration)
    {
        var text = configuration["Orleans:AdvertisedAddress"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"Orleans:AdvertisedAddress is '{text}'; it must be an IP address such as 10.0.0.5.");
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{key} is '{text}'; it must be a port number from 1 to 65535.");
    }
}
