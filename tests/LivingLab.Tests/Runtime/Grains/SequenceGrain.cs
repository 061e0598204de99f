using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface ISequenceGrain : IGrainWithStringKey
{
    Task Append(int item);

    Task<IReadOnlyList<string>> Log();

    Task<int> MaxConcurrency();
}

/// <summary>Records the start and end of each call around an await, to show calls never interleave.</summary>
public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<string> log = [];
    private int inside;
    private int maxInside;

    public async Task Append(int item)
    {
        maxInside = Math.Max(maxInside, ++inside);
        log.Add($"start {item}");
        await Task.Yield();
        await Task.Delay(1);
        log.Add($"end {item}");
        inside--;
    }

    public Task<IReadOnlyList<string>> Log() => Task.FromResult<IReadOnlyList<string>>([.. log]);

    public Task<int> MaxConcurrency() => Task.FromResult(maxInside);
}
