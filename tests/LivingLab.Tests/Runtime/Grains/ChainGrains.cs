using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.IReentrantChainGrain")]
public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task<string> CallThroughAndBack(string otherKey);

    Task<string> CallBack(string callerKey);
}

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public Task<string> Ping() => Task.FromResult($"pong from {this.GetPrimaryKeyString()}");

    public Task<string> CallThroughAndBack(string otherKey) =>
        GrainFactory.GetGrain<IReentrantChainGrain>(otherKey).CallBack(this.GetPrimaryKeyString());

    public async Task<string> CallBack(string callerKey)
    {
        await Task.Yield();
        return await GrainFactory.GetGrain<IReentrantChainGrain>(callerKey).Ping();
    }
}
