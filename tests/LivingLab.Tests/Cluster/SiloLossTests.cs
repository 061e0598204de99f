using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Tests.Runtime;
using Orleans;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>A silo of two is stopped abruptly under load: what was acknowledged stays, and the survivor takes over its grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Ideas = 8;
    private const int Workers = 16;

    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_write_and_its_grains_come_back_on_the_survivor()
    {
        await using var store = await SiloStore.PostgresAsync();
        // A call caught on the dead silo gives up after 10 s instead of Orleans' 30, so the test ends sooner.
        await using var cluster = await SiloPair.StartAsync(store, moreSettings: new Dictionary<string, string?> { ["Orleans:Messaging:ResponseTimeout"] = "00:00:10" });
        var (survivor, victim) = (cluster.A, cluster.B);
        var ideas = new List<string>();
        for (var i = 0; i < Ideas; i++)
        {
            Callers.Resident("resident-1");
            var idea = cluster[i].Grains.GetGrain<IIdeaGrain>(Ids.New());
            Assert.True((await idea.ProposeAsync(ClusterItems.Idea)).Succeeded);
            ideas.Add(idea.GetPrimaryKeyString());
        }

        var (probeKey, before) = await ProbeOnAsync(victim);
        var onVictim = 0;
        foreach (var id in ideas)
        {
            onVictim += victim.Address.Equals(await survivor.Management.GetActivationAddress(survivor.Grains.GetGrain<IIdeaGrain>(id))) ? 1 : 0;
        }

        // Through both silos until the kill, then through the survivor.
        var load = new AcknowledgedWrites(ideas, (killed, n) => killed ? survivor.Grains : cluster[n].Grains);
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => load.RunAsync(w))).ToArray();
        await load.WaitForSuccessesAsync(300, TimeSpan.FromSeconds(60));
        var atKill = load.Successes;
        load.Killing();
        await victim.KillAsync();
        load.Gone();
        // Service continues: every idea, also those that lived on the dead silo, takes writes again through the survivor.
        await load.WaitForEveryIdeaAfterKillAsync(TimeSpan.FromSeconds(90));
        await load.WaitForSuccessesAsync(load.Successes + 300, TimeSpan.FromSeconds(60));
        load.Stop();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        await survivor.WaitForActiveSilosAsync(1, TimeSpan.FromSeconds(60));

        await load.AssertKeptAsync(survivor.Store, survivor.Grains);
        foreach (var id in ideas)
        {
            Assert.Equal(survivor.Address, await survivor.Management.GetActivationAddress(survivor.Grains.GetGrain<IIdeaGrain>(id)));
        }

        var after = await survivor.Grains.GetGrain<IActivationProbeGrain>(probeKey).TouchAsync();
        output.WriteLine($"survivor {survivor.Address}, killed {victim.Address} (Orleans' in-process kill) after {atKill} acknowledged writes; " +
            $"{onVictim} of {Ideas} ideas were active on it");
        output.WriteLine(load.Summary());
        output.WriteLine($"probe grain: activation {before.ActivationId} on {before.Silo} before, {after.ActivationId} on {after.Silo} after");
        Assert.Equal(survivor.Address.ToString(), after.Silo);
        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(1, after.Call);
    }

    // A probe activated on the given silo: placement decides where a new activation goes, so try keys until one lands there.
    private static async Task<(string Key, ActivationStamp Stamp)> ProbeOnAsync(ClusterNode node)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var key = Guid.NewGuid().ToString("N");
            var stamp = await node.Grains.GetGrain<IActivationProbeGrain>(key).TouchAsync();
            if (stamp.Silo == node.Address.ToString())
            {
                return (key, stamp);
            }
        }

        throw new InvalidOperationException($"no probe activation landed on {node.Address} in 64 tries");
    }
}
