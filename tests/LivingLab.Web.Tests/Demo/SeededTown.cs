using Orleans;
using LivingLab.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Demo;

/// <summary>
/// One store seeded by a first start with the demo on, then started a second time: the tests read the town, the two
/// starts' logs, and use the second host (still running) for the API.
/// </summary>
public sealed class SeededTown : IAsyncLifetime
{
    private LivingLabFactory? secondFactory;

    internal LogCapture FirstStartLogs { get; } = new();

    internal LogCapture SecondStartLogs { get; } = new();

    internal Census AfterFirstStart { get; private set; } = null!;

    internal int EventsAfterSecondStart { get; private set; }

    internal WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-web-tests", $"{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>(DemoTown.FirstAdmin) { ["Storage:Sqlite:Path"] = path };
        var (firstFactory, first) = DemoTown.Start(FirstStartLogs, settings);
        await using (firstFactory)
        await using (first)
        {
            AfterFirstStart = await DemoTown.CensusAsync(first.Services);
        }

        (secondFactory, App) = DemoTown.Start(SecondStartLogs, settings);
        EventsAfterSecondStart = (await App.Services.GetRequiredService<IStateStore>().ReadEventsAsync(0, 100_000)).Count;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await secondFactory!.DisposeAsync();
    }

    /// <summary>Grains of the running (second) host.</summary>
    internal IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();
}
