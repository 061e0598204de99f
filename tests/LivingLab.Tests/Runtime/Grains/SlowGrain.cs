using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    Task Hang(string signal);

    Task<int> Ping();
}

public sealed class SlowGrain : Grain, ISlowGrain
{
    public async Task Hang(string signal)
    {
        Signals.Set($"{signal}:started");
        await Signals.Get($"{signal}:open").Task;
    }

    public Task<int> Ping() => Task.FromResult(1);
}
