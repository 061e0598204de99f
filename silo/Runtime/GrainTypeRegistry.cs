using System.Collections.Concurrent;
using System.Reflection;

namespace LivingLab.Runtime;

/// <summary>Knows which grain class implements each grain interface, and finds interfaces by stored name.</summary>
public sealed class GrainTypeRegistry
{
    private readonly ConcurrentDictionary<Type, Type> implementations = new();
    private readonly ConcurrentDictionary<string, Type> interfacesByName = new();

    /// <summary>Registers every grain class of an assembly under each grain interface it implements.</summary>
    public GrainTypeRegistry AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Grain).IsAssignableFrom(type))
            {
                foreach (var grainInterface in type.GetInterfaces().Where(IsUserGrainInterface))
                {
                    Add(grainInterface, type);
                }
            }
        }

        return this;
    }

    /// <summary>Registers one implementation.</summary>
    public GrainTypeRegistry Add(Type grainInterface, Type grainClass)
    {
        if (!implementations.TryAdd(grainInterface, grainClass) && implementations[grainInterface] != grainClass)
        {
            throw new InvalidOperationException(
                $"Both {implementations[grainInterface].FullName} and {grainClass.FullName} implement {grainInterface.FullName}; a grain interface needs exactly one class.");
        }

        interfacesByName[grainInterface.FullName ?? grainInterface.Name] = grainInterface;
        return this;
    }

    /// <summary>The class behind an interface, or null when none is registered.</summary>
    public Type? FindImplementation(Type grainInterface) => implementations.GetValueOrDefault(grainInterface);

    /// <summary>The interface with this stored name, or null.</summary>
    public Type? FindInterface(string typeName) => interfacesByName.GetValueOrDefault(typeName);

    private static bool IsUserGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type.Namespace != typeof(IGrain).Namespace;
}
