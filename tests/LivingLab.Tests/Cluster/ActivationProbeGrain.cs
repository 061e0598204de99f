using System.Collections.Concurrent;
using Orleans;
using Orleans.Concurrency;

namespace LivingLab.Tests.Cluster;

/// <summary>A grain that says which activation answered, on which silo, and how many calls that activation has served.</summary>
[Alias("test.IActivationProbeGrain")]
public interface IActivationProbeGrain : IGrainWithStringKey
{
    [Alias("TouchAsync")]
    Task<ActivationStamp> TouchAsync();
}

/// <summary>One answer of an <see cref="IActivationProbeGrain"/>: the activation, its silo, and this call's number in it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("test.ActivationStamp")]
public sealed record ActivationStamp(string ActivationId, string Silo, int Call);

/// <summary>
/// Counts its activations per key in a static, which both silos of an in-process cluster share: any second activation
/// anywhere in the cluster shows there.
/// </summary>
public sealed class ActivationProbeGrain : Grain, IActivationProbeGrain
{
    private static readonly ConcurrentDictionary<string, int> Activations = new(StringComparer.Ordinal);
    private int calls;

    /// <summary>How many times a grain of this key was activated in this process.</summary>
    public static int ActivationsOf(string key) => Activations.GetValueOrDefault(key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task<ActivationStamp> TouchAsync()
    {
        var call = ++calls;
        // Gives up the thread mid-turn: were a second call let in, or a second activation serving, numbers would repeat.
        await Task.Yield();
        return new ActivationStamp(GrainContext.ActivationId.ToString(), RuntimeIdentity, call);
    }
}
