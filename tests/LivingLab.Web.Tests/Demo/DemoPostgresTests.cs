using LivingLab.Demo;

namespace LivingLab.Web.Tests.Demo;

public sealed class DemoPostgresTests
{
    [Fact]
    public async Task Two_nodes_starting_at_once_on_one_PostgreSQL_seed_one_town_and_print_each_password_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = await PostgresTestServer.CreateDatabaseAsync(),
        };
        var (firstLogs, secondLogs) = (new LogCapture(), new LogCapture());

        var starts = await Task.WhenAll(Task.Run(() => DemoTown.Start(firstLogs, settings)), Task.Run(() => DemoTown.Start(secondLogs, settings)));
        try
        {
            var census = await DemoTown.CensusAsync(starts[0].App.Services);

            Assert.True(census.Challenges.Count >= 25);
            Assert.Equal(census.Challenges.Count, census.Challenges.Select(c => c.Id).Distinct().Count());
            Assert.Equal(census.CountsByType["PersonRegistered"], census.CountsByType["EmailClaimed"]);
            Assert.Single(census.Events, e => e.EventType == "DemoTownSeedingStarted");
            Assert.Single(census.Events, e => e.EventType == "DemoTownSeeded");
            var printed = DemoTown.PrintedAccounts(firstLogs).Concat(DemoTown.PrintedAccounts(secondLogs)).ToArray();
            Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(), printed.Select(p => p.Email).Order());
        }
        finally
        {
            foreach (var (factory, app) in starts)
            {
                await app.DisposeAsync();
                await factory.DisposeAsync();
            }
        }
    }
}
