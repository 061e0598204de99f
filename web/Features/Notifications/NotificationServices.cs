namespace LivingLab.Web.Features.Notifications;

/// <summary>Registers the node's notification feed and the façade the badge and the inbox use.</summary>
public static class NotificationServices
{
    /// <summary>Adds <see cref="NotificationFeed"/> (one per node, started with the host) and <see cref="NotificationDesk"/> (per circuit or request).</summary>
    public static IServiceCollection AddLivingLabNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationFeed>());
        services.AddScoped<NotificationDesk>();
        return services;
    }
}
