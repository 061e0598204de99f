using LivingLab.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Web.Tests.Cluster;

/// <summary>
/// A silo of a test cluster in this process, built as the stand-alone silo builds it (AddLivingLabStore, then UseOrleans
/// with AddLivingLab: ADO.NET membership on the PostgreSQL store), on free loopback ports.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterSilo(IHost host)
    {
        this.host = host;
        Address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    public SiloAddress Address { get; }

    /// <summary>This silo's own grain factory.</summary>
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo on the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static async Task<ClusterSilo> StartAsync(string connectionString, string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            // A pool of its own, as a silo in a process of its own would have.
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"livinglab-silo-{name}" }.ConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(FreePorts.OrleansSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLivingLabStore(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddLivingLab(builder.Configuration);
            StopHostOnFatalError.ReplaceIn(silo.Services);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterSilo(host);
    }

    /// <summary>Waits (bounded) until this silo sees <paramref name="count"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan limit)
    {
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow + limit;
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"silo {Address} did not see {count} active silos within {limit}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposing releases what the stop did not finish.
        }

        host.Dispose();
    }
}
