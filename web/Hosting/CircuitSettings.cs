using Microsoft.AspNetCore.Components.Server;

namespace LivingLab.Web.Hosting;

/// <summary>
/// Bounds on interactive circuits. A closed or dropped tab keeps its circuit for a while so a phone that lost signal
/// can come back to the same state; each kept circuit holds memory (461 KB per idle idea page with its vote island, docs/PERFORMANCE.md).
/// </summary>
public static class CircuitSettings
{
    /// <summary>Circuits:RetentionSeconds (120) and Circuits:MaxRetained (100): how long and how many disconnected circuits are kept.</summary>
    public static IServiceCollection AddLivingLabCircuits(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<CircuitOptions>(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(Math.Max(10, configuration.GetValue("Circuits:RetentionSeconds", 120)));
            options.DisconnectedCircuitMaxRetained = Math.Max(0, configuration.GetValue("Circuits:MaxRetained", 100));
            // Exceptions stay in the server log; the browser gets the generic message in the page's language.
            options.DetailedErrors = false;
        });
}
