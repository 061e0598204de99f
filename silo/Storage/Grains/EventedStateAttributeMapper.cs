using LivingLab.Hosting;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Storage;

/// <summary>What every evented state needs from the silo: the store, the type names, the signal, the domain clock, the limits.</summary>
internal sealed class EventedStateServices(
    IStateStore store,
    StoredGrainTypes types,
    StateWriteSignal signal,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    StateLimits limits)
{
    public IStateStore Store => store;

    public StoredGrainTypes Types => types;

    public StateWriteSignal Signal => signal;

    public TimeProvider Clock => clock;

    public StateLimits Limits => limits;
}

/// <summary>Maps <see cref="EventedStateAttribute"/> on a grain constructor parameter to a factory of its state, as Orleans does for [PersistentState].</summary>
internal sealed class EventedStateAttributeMapper : IAttributeToFactoryMapper<EventedStateAttribute>
{
    private static readonly MethodInfo CreateMethod =
        typeof(EventedStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, EventedStateAttribute metadata)
    {
        if (parameter.ParameterType is not { IsGenericType: true } type || type.GetGenericTypeDefinition() != typeof(IEventedState<>))
        {
            throw new ArgumentException(
                $"[EventedState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType} must be IEventedState<T>, not {parameter.ParameterType}.",
                parameter.Name);
        }

        var create = CreateMethod.MakeGenericMethod(type.GetGenericArguments()).CreateDelegate<Func<IGrainContext, string, object>>();
        var stateName = metadata.StateName;
        return context => create(context, stateName);
    }

    private static object Create<TState>(IGrainContext context, string stateName) =>
        new EventedState<TState>(context, context.ActivationServices.GetRequiredService<EventedStateServices>(), stateName);
}
