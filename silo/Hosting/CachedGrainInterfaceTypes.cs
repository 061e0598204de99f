using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Serialization.TypeSystem;

namespace LivingLab.Hosting;

/// <summary>
/// Remembers the grain interface type Orleans derives for each interface. Orleans 10.4 derives it again on every
/// <c>GetGrain</c> (it reads the interface's custom attributes, then formats its name), which was a twentieth of a
/// vote's cost through the HTTP API (three grain references per request); the answer never changes within a process.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services, TypeConverter typeConverter) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();

    // Orleans' own rules, attributes first and its naming convention after, asked once per interface.
    private readonly GrainInterfaceTypeResolver orleans =
        new([new AttributeGrainInterfaceTypeProvider(services)], typeConverter);

    /// <summary>Puts this provider where Orleans' attribute provider was, in a silo's or a client's services.</summary>
    public static void ReplaceOrleansProvider(IServiceCollection services)
    {
        services.RemoveAll<IGrainInterfaceTypeProvider>();
        services.AddSingleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>();
    }

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = known.GetOrAdd(type, orleans.GetGrainInterfaceType);
        return true;
    }
}
