using LivingLab.Demo;
using Orleans;
using LivingLab.Storage;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Demo;

public sealed class DemoSwitchTests
{
    [Theory]
    [InlineData("false", "true")]
    [InlineData("", "false")]
    [InlineData("0", null)]
    public async Task Turning_the_demo_off_seeds_nothing(string environment, string? section)
    {
        var logs = new LogCapture();
        var (factory, app) = DemoTown.Start(logs, new() { ["LIVINGLAB_DEMO"] = environment, ["Demo:Enabled"] = section });
        await using var _ = factory;
        await using var __ = app;

        Assert.Empty(await app.Services.GetRequiredService<IStateStore>().ReadEventsAsync(0, 10));
        Assert.Equal(DemoTownProgress.NotStarted, (await Marker(app.Services).GetAsync()).Progress);
    }

    [Fact]
    public async Task A_store_that_already_holds_accounts_is_never_seeded()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-web-tests", $"{Guid.NewGuid():N}.db");
        await using (var plain = AccountApi.Factory(new() { ["Storage:Sqlite:Path"] = path }))
        {
            using var client = plain.CreateClient();
            await AccountApi.RegisteredId(client);
            await AccountApi.RegisteredId(client);
        }

        var logs = new LogCapture();
        var (factory, app) = DemoTown.Start(logs, new() { ["Storage:Sqlite:Path"] = path });
        await using var _ = factory;
        await using var __ = app;

        var events = await app.Services.GetRequiredService<IStateStore>().ReadEventsAsync(0, 100);
        Assert.Equal(DemoTownProgress.Skipped, (await Marker(app.Services).GetAsync()).Progress);
        Assert.DoesNotContain(events, e => e.EventType.StartsWith("Challenge", StringComparison.Ordinal));
        Assert.Empty(DemoTown.PrintedAccounts(logs));
    }

    [Fact]
    public async Task An_invalid_switch_value_stops_start_up_naming_the_setting()
    {
        await using var factory = new LivingLabFactory(new Dictionary<string, string?> { ["LIVINGLAB_DEMO"] = "maybe" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);

        Assert.Contains("LIVINGLAB_DEMO", error.Message, StringComparison.Ordinal);
    }

    private static IDemoTownGrain Marker(IServiceProvider services) =>
        services.GetRequiredService<IGrainFactory>().GetGrain<IDemoTownGrain>(IDemoTownGrain.Key);
}
