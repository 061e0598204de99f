using LivingLab.Tests.Runtime;
using Orleans;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>Orleans' one activation per grain, across two silos on one PostgreSQL database (ADO.NET membership).</summary>
[Collection(ClusterCollection.Name)]
public sealed class SingleActivationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_concurrent_first_calls_through_both_silos_reach_one_activation()
    {
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        var key = Guid.NewGuid().ToString("N");
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            var grain = cluster[i].Grains.GetGrain<IActivationProbeGrain>(key);
            await go.Task;
            return await grain.TouchAsync();
        })).ToArray();

        go.SetResult();
        var stamps = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        var probe = cluster.A.Grains.GetGrain<IActivationProbeGrain>(key);
        var counted = await cluster.B.Management.GetGrainActivationCount((GrainReference)probe);
        var host = await cluster.B.Management.GetActivationAddress(probe);
        output.WriteLine($"1,000 first calls (500 through {cluster.A.Address}, 500 through {cluster.B.Address}): " +
            $"{stamps.Select(s => s.ActivationId).Distinct().Count()} activation(s), {ActivationProbeGrain.ActivationsOf(key)} OnActivateAsync, " +
            $"management grain counts {counted}, hosted on {host}");
        Assert.Single(stamps.Select(s => s.ActivationId).Distinct());
        // Every call numbered once by that one activation: no call was served twice or elsewhere.
        Assert.Equal(Enumerable.Range(1, 1000), stamps.Select(s => s.Call).Order());
        Assert.Equal(1, ActivationProbeGrain.ActivationsOf(key));
        Assert.Equal(1, counted);
        Assert.Contains(host!.ToString(), new[] { cluster.A.Address.ToString(), cluster.B.Address.ToString() });
        Assert.Equal(host.ToString(), stamps[0].Silo);
    }
}
