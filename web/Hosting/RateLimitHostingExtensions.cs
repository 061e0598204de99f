using System.Globalization;
using System.Threading.RateLimiting;
using LivingLab.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LivingLab.Web.Hosting;

/// <summary>Rate limits per client address (ASP.NET Core rate limiting), read from the <c>RateLimits</c> settings.</summary>
public static class RateLimitHostingExtensions
{
    /// <summary>The policy on <c>POST /api/account/login</c>.</summary>
    public const string LoginPolicy = "login";

    /// <summary>The policy on <c>POST /api/account/register</c>.</summary>
    public const string RegisterPolicy = "register";

    /// <summary>The policy on the guest join forms (<c>/join</c>, <c>/workshops/{id}/join</c>): their POSTs only.</summary>
    public const string GuestPolicy = "guest";

    /// <summary>Registers the login and register policies; a refused request gets a 429 problem with code "rateLimited".</summary>
    public static IServiceCollection AddLivingLabRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection("RateLimits"));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return new ValueTask(Problems.WriteAsync(context.HttpContext, "rateLimited"));
            };
            options.AddPolicy(LoginPolicy, context => PerAddress(context, s => s.Login, LoginPolicy));
            options.AddPolicy(RegisterPolicy, context => PerAddress(context, s => s.Register, RegisterPolicy));
            // Reading the join form costs nothing; guessing room codes is what the limit is for.
            options.AddPolicy(GuestPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerAddress(context, s => s.Guest, GuestPolicy)
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    // Behind a reverse proxy RemoteIpAddress is the proxy's: configure forwarded headers there (see docs/OPERATIONS.md).
    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<RateLimitSettings, WindowLimit> pick, string policy)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var limit = pick(settings);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}
