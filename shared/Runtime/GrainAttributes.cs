namespace LivingLab.Runtime;

/// <summary>Any request to this grain may interleave with any other, as Orleans' [Reentrant].</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>This interface method interleaves with every other request, as Orleans' [AlwaysInterleave].</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>This interface method does not change state: read-only requests may interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>Marks a constructor parameter of type <see cref="IPersistentState{TState}"/> to be filled with stored state.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name: one row per (grain, state name).</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; null for the default store.</summary>
    public string? StorageName { get; } = storageName;
}
