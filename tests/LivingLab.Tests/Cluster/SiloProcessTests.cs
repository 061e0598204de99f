using LivingLab.Common;
using LivingLab.Hosting;
using LivingLab.Ideas;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>Two stand-alone silo processes on one PostgreSQL database, used by an Orleans client; one is killed with SIGKILL.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloProcessTests(ITestOutputHelper output)
{
    private const int Ideas = 8;
    private const int Workers = 16;

    // A call caught on the killed silo gives up after 10 s instead of Orleans' 30 (a setting Orleans reads from configuration).
    private static readonly Dictionary<string, string> ShortTimeout = new() { ["Orleans:Messaging:ResponseTimeout"] = "00:00:10" };

    [Fact]
    public async Task Two_silo_processes_serve_a_client_and_when_one_is_killed_nothing_acknowledged_is_lost_and_the_other_carries_on()
    {
        await using var store = await SiloStore.PostgresAsync();
        var connectionString = store.Settings["ConnectionStrings:Postgres"]!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var survivor = SiloProcess.Start("a", connectionString, ShortTimeout);
        using var victim = SiloProcess.Start("b", connectionString, ShortTimeout);
        await Task.WhenAll(survivor.WaitForHealthAsync(http, 2, TimeSpan.FromSeconds(120)), victim.WaitForHealthAsync(http, 2, TimeSpan.FromSeconds(120)));

        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in ShortTimeout)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => client.AddLivingLab(builder.Configuration));
        using var clientHost = builder.Build();
        await clientHost.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            var client = clientHost.Services.GetRequiredService<IClusterClient>();
            var ideas = new List<string>();
            for (var i = 0; i < Ideas; i++)
            {
                Callers.Resident("resident-1");
                var idea = client.GetGrain<IIdeaGrain>(Ids.New());
                Assert.True((await idea.ProposeAsync(ClusterItems.Idea)).Succeeded);
                ideas.Add(idea.GetPrimaryKeyString());
            }

            var management = client.GetGrain<IManagementGrain>(0);
            async Task<int[]> HostPortsAsync()
            {
                var ports = new List<int>();
                foreach (var id in ideas)
                {
                    ports.Add((await management.GetActivationAddress(client.GetGrain<IIdeaGrain>(id)))?.Endpoint.Port ?? 0);
                }

                return [.. ports];
            }

            var onVictim = (await HostPortsAsync()).Count(p => p == victim.SiloPort);
            var load = new AcknowledgedWrites(ideas, (_, _) => client);
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => load.RunAsync(w))).ToArray();
            await load.WaitForSuccessesAsync(300, TimeSpan.FromSeconds(60));
            var atKill = load.Successes;
            load.Killing();
            victim.Kill();
            load.Gone();
            await load.WaitForEveryIdeaAfterKillAsync(TimeSpan.FromSeconds(90));
            await load.WaitForSuccessesAsync(load.Successes + 300, TimeSpan.FromSeconds(60));
            load.Stop();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
            // The survivor has declared the killed silo dead and says so on /healthz.
            await survivor.WaitForHealthAsync(http, 1, TimeSpan.FromSeconds(90));

            await using (var reader = StorageFactory.Create(builder.Configuration))
            {
                await load.AssertKeptAsync(reader, client);
            }

            Assert.All(await HostPortsAsync(), port => Assert.Equal(survivor.SiloPort, port));
            Assert.True(victim.HasExited);
            output.WriteLine($"silo processes {survivor.Id} (port {survivor.SiloPort}) and {victim.Id} (port {victim.SiloPort}); " +
                $"killed {victim.Id} with SIGKILL after {atKill} acknowledged writes, when {onVictim} of {Ideas} ideas were active on it");
            output.WriteLine(load.Summary());
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await clientHost.StopAsync(stop.Token);
        }
    }
}
