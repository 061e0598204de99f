namespace LivingLab.Web.Api;

/// <summary>Tells API requests (under /api) from page requests, which answer with HTML and redirects instead.</summary>
public static class ApiPaths
{
    /// <summary>The prefix every REST endpoint lives under.</summary>
    public const string Prefix = "/api";

    /// <summary>Whether the request is for the REST API.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
