using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Signals "{signal}:started", then waits for the signal "{signal}:open".</summary>
    Task Hold(string signal);

    [ReadOnly]
    Task ReadHold(string signal);

    [AlwaysInterleave]
    Task<string> Interleaved(string signal);

    Task<string> Normal(string signal);

    /// <summary>The order in which calls started and ended.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Log();
}

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task Hold(string signal);

    Task<string> Normal(string signal);

    Task<IReadOnlyList<string>> Log();
}

/// <summary>Shared body of the gate grains: a call that holds until a test opens it, and an instant call.</summary>
public abstract class GateGrainBase : Grain
{
    private readonly List<string> log = [];

    public async Task Hold(string signal)
    {
        log.Add($"{signal} start");
        Signals.Set($"{signal}:started");
        await Signals.WaitAsync($"{signal}:open");
        log.Add($"{signal} end");
    }

    public Task<string> Normal(string signal)
    {
        log.Add(signal);
        Signals.Set($"{signal}:started");
        return Task.FromResult(signal);
    }

    public Task<IReadOnlyList<string>> Log() => Task.FromResult<IReadOnlyList<string>>([.. log]);
}

public sealed class GateGrain : GateGrainBase, IGateGrain
{
    public Task ReadHold(string signal) => Hold(signal);

    public Task<string> Interleaved(string signal) => Normal(signal);
}

[Reentrant]
public sealed class ReentrantGateGrain : GateGrainBase, IReentrantGateGrain;
