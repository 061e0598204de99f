using Microsoft.Net.Http.Headers;

namespace LivingLab.Web.Api;

/// <summary>
/// Refuses API writes whose body is not JSON (415). A cross-site HTML form can only send form or text bodies, so with
/// the SameSite=Lax cookie this keeps other sites from acting for a signed-in user.
/// </summary>
public static class JsonOnlyMiddleware
{
    /// <summary>Adds the check for requests under /api.</summary>
    public static IApplicationBuilder UseApiJsonOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiPaths.IsApi(context.Request) && IsWrite(context.Request.Method) && HasBody(context.Request) && !IsJson(context.Request.ContentType))
        {
            await Problems.WriteAsync(context, "unsupportedMediaType");
            return;
        }

        await next(context);
    });

    private static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    // A request without a body (logout, revoke) needs no content type; anything that sends one must say JSON.
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentType is not null || request.Headers.TransferEncoding.Count > 0;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
