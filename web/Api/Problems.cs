using System.Text.RegularExpressions;
using LivingLab.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Api;

/// <summary>
/// Turns a rejection code into an RFC 9457 problem: HTTP status, a machine <c>code</c>, the <c>field</c> when there is one,
/// and <c>title</c>/<c>detail</c> in the request's language (texts in Resources/Api/ProblemMessages, keyed by code).
/// Every endpoint answers refusals through here, so clients can rely on the same shape everywhere.
/// </summary>
public static partial class Problems
{
    // Codes not listed are validation refusals (400). Add a code here when a feature introduces one with another status.
    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        ["unauthenticated"] = StatusCodes.Status401Unauthorized,
        ["invalidCredentials"] = StatusCodes.Status401Unauthorized,
        ["invalidToken"] = StatusCodes.Status401Unauthorized,
        ["forbidden"] = StatusCodes.Status403Forbidden,
        ["lockedOut"] = StatusCodes.Status403Forbidden,
        ["notFound"] = StatusCodes.Status404NotFound,
        ["methodNotAllowed"] = StatusCodes.Status405MethodNotAllowed,
        ["emailTaken"] = StatusCodes.Status409Conflict,
        ["alreadyExists"] = StatusCodes.Status409Conflict,
        ["conflict"] = StatusCodes.Status409Conflict,
        ["unsupportedMediaType"] = StatusCodes.Status415UnsupportedMediaType,
        ["rateLimited"] = StatusCodes.Status429TooManyRequests,
        ["error"] = StatusCodes.Status500InternalServerError,
    };

    // For responses that only carry a status (an unknown route, unreadable JSON): the code they are given.
    private static readonly Dictionary<int, string> CodeByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = "badRequest",
        [StatusCodes.Status401Unauthorized] = "unauthenticated",
        [StatusCodes.Status403Forbidden] = "forbidden",
        [StatusCodes.Status404NotFound] = "notFound",
        [StatusCodes.Status405MethodNotAllowed] = "methodNotAllowed",
        [StatusCodes.Status415UnsupportedMediaType] = "unsupportedMediaType",
        [StatusCodes.Status429TooManyRequests] = "rateLimited",
    };

    /// <summary>The HTTP status a rejection code answers with.</summary>
    public static int StatusFor(string code) => StatusByCode.GetValueOrDefault(code, StatusCodes.Status400BadRequest);

    /// <summary>The problem result for a grain's rejection.</summary>
    public static IResult From(HttpContext context, Rejection rejection, int? status = null) =>
        Create(context, rejection.Code, rejection.Field, rejection.Values, status);

    /// <summary>The problem result for a code, with the field it concerns and values for the message.</summary>
    public static IResult Create(HttpContext context, string code, string? field = null, IReadOnlyDictionary<string, string>? values = null, int? status = null)
    {
        var problem = new ProblemDetails { Status = status ?? StatusFor(code) };
        Fill(context, problem, code, field, values);
        if (code == "lockedOut" && values?.GetValueOrDefault("retryAfterSeconds") is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>Writes the problem straight to the response (for middleware and handlers outside an endpoint).</summary>
    public static Task WriteAsync(HttpContext context, string code, string? field = null, int? status = null) =>
        Create(context, code, field, null, status).ExecuteAsync(context);

    /// <summary>Gives a status-only problem (from the framework) a code and localized texts; keeps what is already set.</summary>
    internal static void Complete(HttpContext context, ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var code = CodeByStatus.GetValueOrDefault(problem.Status ?? 500, "error");
        problem.Type = null;
        Fill(context, problem, code, null, null);
    }

    private static void Fill(HttpContext context, ProblemDetails problem, string code, string? field, IReadOnlyDictionary<string, string>? values)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<ProblemMessages>>();
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Title = Text(texts, $"status.{status}") ?? Text(texts, "status.500");
        problem.Detail = Format(Text(texts, code) ?? Text(texts, "error")!, texts, field, values);
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
    }

    private static string? Text(IStringLocalizer texts, string key) => texts[key] is { ResourceNotFound: false } found ? found.Value : null;

    // Messages name their values in braces ("{field}", "{limit}"); the field is shown by its localized label.
    private static string Format(string message, IStringLocalizer texts, string? field, IReadOnlyDictionary<string, string>? values) =>
        Placeholder().Replace(message, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "field")
            {
                return field is null ? "" : Text(texts, $"field.{field}") ?? field;
            }

            return values?.GetValueOrDefault(name) ?? match.Value;
        });

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
