using LivingLab.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LivingLab.Hosting;

/// <summary>Wires the stand-alone silo process (<c>dotnet run --project silo</c>).</summary>
public static class SiloHostExtensions
{
    /// <summary>Where /healthz listens when no <c>--urls</c> is given: not 5000, which the web node takes by default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:11180";

    /// <summary>Registers the store, the silo and the health checks.</summary>
    public static WebApplicationBuilder AddLivingLabSiloHost(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // The store first, so its migrations run before the silo starts (see AddLivingLabStore).
        builder.Services.AddLivingLabStore(builder.Configuration);
        builder.UseOrleans(silo => silo.AddLivingLab(builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddCheck<SiloHealthCheck>("silo");
        return builder;
    }

    /// <summary>Maps /healthz, the stand-alone silo's only endpoint.</summary>
    public static WebApplication MapLivingLabSiloHost(this WebApplication app)
    {
        app.MapLivingLabHealth();
        return app;
    }
}
