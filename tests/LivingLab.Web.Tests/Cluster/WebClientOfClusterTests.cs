using System.Net;
using System.Net.Http.Json;
using LivingLab.Challenges;
using LivingLab.People;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace LivingLab.Web.Tests.Cluster;

/// <summary>The web node as an Orleans client only (<c>Orleans:Role=Client</c>) of two silos on one PostgreSQL database.</summary>
public sealed class WebClientOfClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_web_node_that_is_an_Orleans_client_of_two_silos_serves_the_api_and_the_pages()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var silos = await Task.WhenAll(ClusterSilo.StartAsync(connectionString, "a"), ClusterSilo.StartAsync(connectionString, "b"));
            await using var a = silos[0];
            await using var b = silos[1];
            await Task.WhenAll(a.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60)), b.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60)));
            await using var web = new LivingLabFactory(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = connectionString,
                ["Orleans:Role"] = "Client",
                ["RateLimits:Enabled"] = "false",
            });
            using var resident = web.CreateClient();
            using var anonymous = web.CreateClient();

            using (var registered = await AccountApi.Register(resident, AccountApi.UniqueEmail()))
            {
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            }

            using var posted = await resident.PostAsJsonAsync("/api/challenges", Lab.ChallengeBody(title: "クラスタ越しの駐輪場"));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            var id = (await AccountApi.Json(posted)).GetProperty("id").GetString()!;
            // A support made straight through silo b, not through the web node: the same cluster serves both.
            Caller.Set("neighbour-1", [Roles.Resident]);
            Assert.Equal(1, (await b.Grains.GetGrain<IChallengeGrain>(id).SupportAsync()).Value);
            Caller.Clear();

            var read = await Lab.GetJson(anonymous, $"/api/challenges/{id}");
            await web.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var page = await anonymous.GetAsync("/challenges");
            var html = await page.Content.ReadAsStringAsync();
            using var health = await anonymous.GetAsync("/healthz");

            var grains = web.Services.GetRequiredService<IGrainFactory>();
            var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IChallengeGrain>(id));
            output.WriteLine($"web node is a client only (silo details registered: {web.Services.GetService<ILocalSiloDetails>() is not null}); " +
                $"the challenge is active on {host}; silos {a.Address} and {b.Address}");
            Assert.Null(web.Services.GetService<ILocalSiloDetails>());
            Assert.Contains(host, new[] { a.Address, b.Address });
            Assert.Equal("クラスタ越しの駐輪場", read.GetProperty("title").GetString());
            Assert.Equal(1, read.GetProperty("supportCount").GetInt32());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("クラスタ越しの駐輪場", html);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("LIVINGLAB_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
