using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace LivingLab.Hosting;

/// <summary>Makes a web node an Orleans client of a LivingLab cluster: <c>builder.UseOrleansClient(c => c.AddLivingLab(configuration))</c>.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways as its silos do: in the PostgreSQL membership table when the store is PostgreSQL, or
    /// at <c>Orleans:GatewayPort</c> on this machine when it is SQLite (one silo, started with <c>dotnet run --project silo</c>).
    /// </summary>
    public static IClientBuilder AddLivingLab(this IClientBuilder client, IConfiguration configuration)
    {
        CachedGrainInterfaceTypes.ReplaceOrleansProvider(client.Services);
        var settings = OrleansSettings.From(configuration);
        if (StorageFactory.IsPostgres(configuration))
        {
            var connectionString = StorageFactory.PostgresConnectionString(configuration);
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
        }
        else
        {
            client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
        }

        return client;
    }
}
