using Orleans;

namespace LivingLab.Benchmarks.Runtime;

[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    Task Ping();

    Task<int> Count();
}

/// <summary>Completes every call synchronously, so a benchmark sees only the runtime's cost of a call.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int count;

    public Task Ping()
    {
        count++;
        return Task.CompletedTask;
    }

    public Task<int> Count() => Task.FromResult(++count);
}

[Alias("bench.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithStringKey
{
    Task Touch();
}

/// <summary>No state and no fields of its own: what an activation retains beyond this object is the runtime's overhead.</summary>
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task Touch() => Task.CompletedTask;
}
