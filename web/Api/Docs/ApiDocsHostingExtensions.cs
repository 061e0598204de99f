namespace LivingLab.Web.Api.Docs;

/// <summary>
/// The API's documentation: the OpenAPI document (Microsoft.AspNetCore.OpenApi) at <c>/openapi/v1.json</c> and an
/// explorer (Swashbuckle's Swagger UI, its assets embedded in the package, no CDN) at <c>/api/docs</c>.
/// </summary>
public static class ApiDocsHostingExtensions
{
    /// <summary>The OpenAPI document's name, and so its address: <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the OpenAPI document is served.</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>Where the explorer UI is served (without the leading slash, as Swagger UI wants its prefix).</summary>
    public const string ExplorerPrefix = "api/docs";

    /// <summary>Registers the document: only endpoints under /api (no pages, no /healthz), with the security schemes.</summary>
    public static IServiceCollection AddLivingLabApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && path.StartsWith("api/", StringComparison.OrdinalIgnoreCase);
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<ApiSchemaTransformer>();
        });

    /// <summary>Maps the document and adds the explorer UI. Call before the pages so /api/docs is not taken by them.</summary>
    public static WebApplication UseLivingLabApiDocs(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = ExplorerPrefix;
            options.SwaggerEndpoint(DocumentPath, "LivingLab API v1");
            options.DocumentTitle = "LivingLab API";
        });
        return app;
    }

    /// <summary>Maps <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapLivingLabApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
