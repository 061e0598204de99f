using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace LivingLab.Hosting.Health;

/// <summary>Reports whether this node's silo is an active member of its cluster, and how many silos are.</summary>
public sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToString(),
            ["activeSilos"] = active,
        };
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo is active; {active} active in the cluster", data)
            : HealthCheckResult.Unhealthy($"silo is {status}", data: data));
    }
}
