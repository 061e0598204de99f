using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    Task<string> Ping();

    /// <summary>Calls <paramref name="otherKey"/>, which calls this grain back.</summary>
    Task<string> CallThroughAndBack(string otherKey);

    Task<string> CallBack(string callerKey);
}

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task<string> CallThroughAndBack(string otherKey);

    Task<string> CallBack(string callerKey);
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> Ping() => Task.FromResult($"pong from {GetPrimaryKeyString()}");

    public Task<string> CallThroughAndBack(string otherKey) =>
        GrainFactory.GetGrain<IChainGrain>(otherKey).CallBack(GetPrimaryKeyString());

    public async Task<string> CallBack(string callerKey)
    {
        await Task.Yield();
        return await GrainFactory.GetGrain<IChainGrain>(callerKey).Ping();
    }
}

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public Task<string> Ping() => Task.FromResult($"pong from {GetPrimaryKeyString()}");

    public Task<string> CallThroughAndBack(string otherKey) =>
        GrainFactory.GetGrain<IReentrantChainGrain>(otherKey).CallBack(GetPrimaryKeyString());

    public async Task<string> CallBack(string callerKey)
    {
        await Task.Yield();
        return await GrainFactory.GetGrain<IReentrantChainGrain>(callerKey).Ping();
    }
}
