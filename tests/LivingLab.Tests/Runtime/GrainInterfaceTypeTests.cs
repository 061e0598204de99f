using LivingLab.Challenges;
using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace LivingLab.Tests.Runtime;

/// <summary>The silo remembers each interface's grain interface type; what it remembers must be what Orleans derives.</summary>
public sealed class GrainInterfaceTypeTests
{
    [Fact]
    public async Task Every_grain_interface_resolves_to_the_type_Orleans_itself_derives_and_its_references_reach_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var resolver = silo.Services.GetRequiredService<GrainInterfaceTypeResolver>();
        var orleans = new GrainInterfaceTypeResolver(
            [new AttributeGrainInterfaceTypeProvider(silo.Services)], silo.Services.GetRequiredService<TypeConverter>());
        var interfaces = typeof(IChallengeGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(silo.Services.GetServices<IGrainInterfaceTypeProvider>(), p => p is CachedGrainInterfaceTypes);
        Assert.True(interfaces.Count > 5, $"only {interfaces.Count} grain interfaces found");
        foreach (var type in interfaces)
        {
            // Twice: the second answer comes from what was remembered.
            Assert.Equal(orleans.GetGrainInterfaceType(type), resolver.GetGrainInterfaceType(type));
            Assert.Equal(orleans.GetGrainInterfaceType(type), resolver.GetGrainInterfaceType(type));
        }

        Callers.Anonymous();
        Assert.Null(await silo.Grain<IChallengeGrain>("c-unknown").GetAsync());
    }
}
