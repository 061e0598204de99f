namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>Registers what the live board's pages and API share.</summary>
public static class BoardServices
{
    /// <summary>Adds the guest passes (and, as they come, the board's hub and façades).</summary>
    public static IServiceCollection AddLivingLabBoard(this IServiceCollection services)
    {
        services.AddSingleton<GuestPasses>();
        return services;
    }
}
