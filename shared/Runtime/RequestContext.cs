using System.Collections.Immutable;

namespace LivingLab.Runtime;

/// <summary>
/// Values that travel with a call into grains and on to the calls they make, as Orleans' RequestContext.
/// The caller's identity and roles ride here so that grains can check authorization themselves.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<ImmutableDictionary<string, object>?> Values = new();

    /// <summary>Reads a value, or null.</summary>
    public static object? Get(string key) =>
        Values.Value is { } map && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>Sets a value for this call flow and the calls it makes.</summary>
    public static void Set(string key, object value) =>
        Values.Value = (Values.Value ?? ImmutableDictionary<string, object>.Empty).SetItem(key, value);

    /// <summary>Removes a value.</summary>
    public static bool Remove(string key)
    {
        if (Values.Value is not { } map || !map.ContainsKey(key))
        {
            return false;
        }

        var next = map.Remove(key);
        Values.Value = next.IsEmpty ? null : next;
        return true;
    }

    /// <summary>Removes every value.</summary>
    public static void Clear() => Values.Value = null;
}
