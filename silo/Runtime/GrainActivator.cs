using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Runtime;

/// <summary>Constructs grains: services from the container, persistent states from [PersistentState] parameters.</summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<ActivationData, Grain>> factories = new();

    public Grain Create(ActivationData activation) =>
        factories.GetOrAdd(activation.GrainClass, BuildFactory)(activation);

    private Func<ActivationData, Grain> BuildFactory(Type grainClass)
    {
        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{grainClass.FullName} has no public constructor.");
        var parameters = constructor.GetParameters().Select(BuildArgument).ToArray();
        return activation =>
        {
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = parameters[i](activation);
            }

            try
            {
                return (Grain)constructor.Invoke(arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                throw exception.InnerException;
            }
        };
    }

    private Func<ActivationData, object?> BuildArgument(ParameterInfo parameter)
    {
        var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (attribute is null)
        {
            var type = parameter.ParameterType;
            return type == typeof(IGrainFactory) ? a => a.Runtime : _ => services.GetRequiredService(type);
        }

        var stateType = parameter.ParameterType is { IsGenericType: true } generic
            && (generic.GetGenericTypeDefinition() == typeof(IPersistentState<>)
                || generic.GetGenericTypeDefinition() == typeof(IEventedState<>)
                || generic.GetGenericTypeDefinition() == typeof(IStorage<>))
            ? generic.GetGenericArguments()[0]
            : throw new InvalidOperationException(
                $"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.FullName} must be IPersistentState<T> or IEventedState<T>.");
        var create = CreateStateMethod.MakeGenericMethod(stateType).CreateDelegate<Func<ActivationData, string, object>>();
        return activation => create(activation, attribute.StateName);
    }

    private static object CreateState<TState>(ActivationData activation, string stateName)
    {
        var state = new PersistentState<TState>(activation, stateName);
        activation.AddState(state);
        return state;
    }
}
