using System.Collections.Concurrent;

namespace LivingLab.Tests.Runtime;

/// <summary>Named one-shot signals shared by test grains and tests, each name unique to one test.</summary>
public static class Signals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<object?>> All = new();

    public static TaskCompletionSource<object?> Get(string name) =>
        All.GetOrAdd(name, _ => new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));

    public static void Set(string name, object? value = null) => Get(name).TrySetResult(value);

    /// <summary>Waits for a signal; the limit only stops a broken test from hanging, it asserts no timing.</summary>
    public static Task<object?> WaitAsync(string name) => Get(name).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
