using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace LivingLab.Web.Components.Theme;

/// <summary>Serves <see cref="ThemeStylesheet"/>: immutable for the version a page links to, revalidated otherwise.</summary>
public static class ThemeStylesheetEndpoint
{
    public static IEndpointConventionBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ThemeStylesheet.Path, async (HttpContext context, ThemeStylesheet theme) =>
        {
            var (css, version) = await theme.GetAsync();
            var current = context.Request.Query["v"] == version;
            // An old version's link (a page cached before a restart with another theme) gets today's text, briefly cached.
            context.Response.Headers[HeaderNames.CacheControl] = current ? "public, max-age=31536000, immutable" : "public, max-age=60";
            context.Response.Headers[HeaderNames.ETag] = $"\"{version}\"";
            return Results.Text(css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
