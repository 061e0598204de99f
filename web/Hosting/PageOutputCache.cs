using System.Globalization;
using LivingLab.ReadModel;
using LivingLab.Web.Api;
using LivingLab.Web.Components;
using Microsoft.AspNetCore.OutputCaching;

namespace LivingLab.Web.Hosting;

/// <summary>
/// Anonymous visitors share a few seconds' render of each public page (per language and text size), so a crawler or a
/// burst of visitors costs one render per page instead of one per request, and signed-in people, who are never served
/// from or stored in the cache, keep the CPU. A page is dropped from the cache as soon as the read models take in any
/// new event, so a cached page is never staler than an uncached one would be by more than the read models' own lag.
/// </summary>
public static class PageOutputCache
{
    /// <summary>The tag every cached page carries, for eviction.</summary>
    public const string Tag = "pages";

    /// <summary>How long a render is shared when nothing changes.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    // Pages that are per person, or carry a form token, or are not pages at all. Responses that set a cookie (the
    // antiforgery token, a language choice) are never stored anyway: the default policy refuses them.
    private static readonly string[] Uncached =
        ["/api", "/live", "/health", "/openapi", "/login", "/register", "/logout", "/settings", "/me", "/facilitate", "/admin", "/error", "/not-found"];

    /// <summary>Registers the cache with its one policy, and the eviction when events arrive.</summary>
    public static IServiceCollection AddPageOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddBasePolicy(policy => policy
            .With(context => IsPublicPage(context.HttpContext.Request))
            .Expire(Duration)
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .VaryByValue(context => new KeyValuePair<string, string>("text", DisplayPreferences.WantsLargeText(context) ? "large" : "normal"))
            .Tag(Tag)));
        services.AddHostedService<EvictOnNewEvents>();
        return services;
    }

    /// <summary>Whether a request may be answered from the cache (the default policy adds: GET or HEAD, anonymous, 200, no cookie set).</summary>
    public static bool IsPublicPage(HttpRequest request) =>
        !ApiPaths.IsApi(request)
        && !Uncached.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && !request.Path.Value!.Contains('.', StringComparison.Ordinal);

    /// <summary>Drops every cached page when the read models have taken in events they did not hold before.</summary>
    private sealed class EvictOnNewEvents(ProjectionRunner runner, IOutputCacheStore store) : IHostedService
    {
        private long seen = -1;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            runner.CaughtUp += OnCaughtUp;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            runner.CaughtUp -= OnCaughtUp;
            return Task.CompletedTask;
        }

        private void OnCaughtUp(long position)
        {
            if (Interlocked.Exchange(ref seen, position) != position)
            {
                _ = EvictAsync();
            }
        }

        private async Task EvictAsync()
        {
            try
            {
                await store.EvictByTagAsync(Tag, CancellationToken.None);
            }
            catch (Exception)
            {
                // Entries expire on their own within seconds; a failed eviction only delays that.
            }
        }
    }
}
