using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.IFaultyGrain")]
public interface IFaultyGrain : IGrainWithStringKey
{
    Task ThrowAfterAwait(string message);

    Task ThrowAtOnce(string message);

    Task<int> CallsSoFar();
}

[Alias("test.IUnimplementedGrain")]
public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>A domain exception a test can recognise by type and message.</summary>
public sealed class GrainRuleException(string message) : Exception(message);

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public static int Constructed;
    private int calls;

    public FaultyGrain() => Interlocked.Increment(ref Constructed);

    public async Task ThrowAfterAwait(string message)
    {
        calls++;
        await Task.Yield();
        throw new GrainRuleException(message);
    }

    public Task ThrowAtOnce(string message)
    {
        calls++;
        throw new GrainRuleException(message);
    }

    public Task<int> CallsSoFar() => Task.FromResult(++calls);
}
