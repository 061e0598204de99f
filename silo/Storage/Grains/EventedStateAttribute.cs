using Orleans.Runtime;

namespace LivingLab.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IEventedState{TState}"/> to be filled with stored state, read
/// before <c>OnActivateAsync</c>, as Orleans' own <c>[PersistentState]</c> does for <see cref="IPersistentState{TState}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventedStateAttribute(string stateName) : Attribute, IFacetMetadata
{
    /// <summary>The state's name: one row per (grain, state name).</summary>
    public string StateName { get; } = stateName;
}
