using System.Globalization;

namespace LivingLab.Web.Api;

/// <summary>The local-issue categories: <c>GET /api/categories</c>, names in the request's language (ja by default).</summary>
public static class CategoryEndpoints
{
    /// <summary>Maps the category endpoint.</summary>
    public static IEndpointRouteBuilder MapCategoryApi(this IEndpointRouteBuilder app)
    {
        // The culture comes from request localization (Accept-Language for /api, as for problem texts).
        app.MapGet("/api/categories", () => TypedResults.Ok(
                Categories.All.Select(c => new CategoryResponse(c.Id, c.NameIn(CultureInfo.CurrentUICulture))).ToArray()))
            .WithTags("Categories")
            .WithName("ListCategories")
            .WithSummary("Local-issue categories")
            .WithDescription("Every category a local issue can have, as `[{id, name}]` with names in the request's language (`Accept-Language: en` for English; Japanese by default). A challenge's `category` is one of these ids.")
            .Produces<CategoryResponse[]>();
        return app;
    }
}

/// <summary>A category as the API shows it: its id and its name in the request's language.</summary>
public sealed record CategoryResponse(string Id, string Name);
