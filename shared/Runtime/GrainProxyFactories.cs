using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LivingLab.Runtime;

/// <summary>Maps grain interfaces to their generated proxies. Generated module initializers fill it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainProxyFactories
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainCallRuntime, GrainId, GrainReference>> Factories = new();

    /// <summary>Registers the proxy of one interface; called by generated code.</summary>
    public static void Register(Type grainInterface, Func<IGrainCallRuntime, GrainId, GrainReference> factory) =>
        Factories[grainInterface] = factory;

    /// <summary>Finds the proxy factory of an interface, running its assembly's module initializer if need be.</summary>
    public static Func<IGrainCallRuntime, GrainId, GrainReference>? Find(Type grainInterface)
    {
        if (Factories.TryGetValue(grainInterface, out var factory))
        {
            return factory;
        }

        // typeof(T) alone does not run a module initializer; run it so the generated registrations exist.
        RuntimeHelpers.RunModuleConstructor(grainInterface.Module.ModuleHandle);
        return Factories.GetValueOrDefault(grainInterface);
    }
}
