using LivingLab.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LivingLab.Hosting.Health;

/// <summary>Reports whether the grain store answers, and which provider it is.</summary>
public sealed class StoreHealthCheck(IStateStore storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = storage.ProviderName };
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(5));
            return await storage.PingAsync(limit.Token)
                ? HealthCheckResult.Healthy($"{storage.ProviderName} store answers", data)
                : HealthCheckResult.Unhealthy($"{storage.ProviderName} store did not answer", data: data);
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"{storage.ProviderName} store failed: {exception.Message}", exception, data);
        }
    }
}
