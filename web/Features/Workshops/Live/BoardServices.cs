namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>Registers what the live board's pages and API share.</summary>
public static class BoardServices
{
    /// <summary>Adds the guest passes, the node's board hub and the per-circuit board façade.</summary>
    public static IServiceCollection AddLivingLabBoard(this IServiceCollection services)
    {
        services.AddSingleton<GuestPasses>();
        services.AddSingleton<BoardHub>();
        services.AddHostedService(provider => provider.GetRequiredService<BoardHub>());
        services.AddScoped<BoardDesk>();
        return services;
    }
}
