using System.Collections.Concurrent;
using Orleans;
using Orleans.Metadata;
using Orleans.Runtime;

namespace LivingLab.Storage;

/// <summary>
/// The grain type under which a grain's state, rows and events are stored: the full name of its LivingLab grain
/// interface (for example <c>LivingLab.Challenges.IChallengeGrain</c>). That is what the retired runtime stored, so
/// stores written before the move to Orleans read as they are, and the read models keep recognising their events.
/// </summary>
public sealed class StoredGrainTypes(GrainClassMap classes)
{
    private readonly ConcurrentDictionary<GrainType, string> names = new();

    /// <summary>The stored type name of <paramref name="grainId"/>'s grain.</summary>
    public string Of(GrainId grainId) => names.GetOrAdd(grainId.Type, Resolve);

    /// <summary>The stored type name of a grain class (its one grain interface of the application).</summary>
    public static string Of(Type grainClass)
    {
        var interfaces = grainClass.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i) && i.Namespace?.StartsWith("Orleans", StringComparison.Ordinal) != true)
            .ToArray();
        // A grain implementing several application interfaces has no single name to inherit; it keeps Orleans' own.
        return interfaces.Length == 1 ? interfaces[0].FullName! : grainClass.FullName!;
    }

    private string Resolve(GrainType type) =>
        classes.TryGetGrainClass(type, out var grainClass) ? Of(grainClass) : type.ToString()!;
}
