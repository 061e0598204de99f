using LivingLab.Demo;
using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LivingLab.Web.Hosting;

/// <summary>
/// At start-up, after the first admin, seeds the demo town into an empty store (see <see cref="DemoTownSeeder"/>) unless
/// <c>LIVINGLAB_DEMO=false</c> or <c>Demo:Enabled=false</c>. Start-up waits for it, so the site opens with the town in place.
/// </summary>
public sealed class DemoTownService(DemoTownSeeder seeder, IConfiguration configuration, ILogger<DemoTownService> logger) : IHostedService
{
    /// <summary>The environment variable that turns the demo off (or on): "false" / "true".</summary>
    public const string Setting = "LIVINGLAB_DEMO";

    /// <summary>The same switch in appsettings.json.</summary>
    public const string SectionSetting = "Demo:Enabled";

    /// <summary>
    /// Whether the demo is on: <c>LIVINGLAB_DEMO</c> when set, else <c>Demo:Enabled</c>, else on, so that a first
    /// <c>dotnet run</c> shows a working town. A value other than true/false/1/0 stops start-up with the setting's name.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        var (name, value) = configuration[Setting] is { Length: > 0 } env ? (Setting, env) : (SectionSetting, configuration[SectionSetting]);
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" => true,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new InvalidOperationException($"{name} must be true or false, not '{value}'."),
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(configuration))
        {
            return;
        }

        try
        {
            await seeder.SeedIfEmptyAsync(cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The site works without its demo; what is seeded stays, and the next start resumes from there.
            logger.LogError(exception, "The demo town could not be completed; the next start resumes it.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Wires the demo town.</summary>
public static class DemoHostingExtensions
{
    /// <summary>
    /// Registers the seeder and the start-up service (which reads the switch when it runs, so settings from any source
    /// count). The seeder dates its steps through <see cref="DemoClock"/>, which every silo wraps around its domain clock,
    /// so seeded events carry their story's dates even when this node is only an Orleans client. Call after the accounts,
    /// so the first admin exists before the store is judged empty.
    /// </summary>
    public static WebApplicationBuilder AddLivingLabDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<DemoTownSeeder>();
        services.AddHostedService<DemoTownService>();
        return builder;
    }
}
