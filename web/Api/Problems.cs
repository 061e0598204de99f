using LivingLab.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Api;

/// <summary>
/// Turns a rejection code into an RFC 9457 problem: HTTP status, a machine <c>code</c>, the <c>field</c> when there is one,
/// and <c>title</c>/<c>detail</c> in the request's language (texts in Resources/Api/ProblemMessages, keyed by code).
/// Every endpoint answers refusals through here, so clients can rely on the same shape everywhere.
/// </summary>
public static class Problems
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

        // Challenges and ideas: the request is well formed but the item is not in a state that allows it (already done,
        // not done, wrong stage, gate unmet, closed, decided). Repeating the same request gets the same 409.
        ["alreadySupported"] = StatusCodes.Status409Conflict,
        ["notSupported"] = StatusCodes.Status409Conflict,
        ["alreadyVoted"] = StatusCodes.Status409Conflict,
        ["notVoted"] = StatusCodes.Status409Conflict,
        ["notOpen"] = StatusCodes.Status409Conflict,
        ["alreadyDecided"] = StatusCodes.Status409Conflict,
        ["alreadyMerged"] = StatusCodes.Status409Conflict,
        ["editWindowClosed"] = StatusCodes.Status409Conflict,
        ["wrongStage"] = StatusCodes.Status409Conflict,
        ["gateNotMet"] = StatusCodes.Status409Conflict,
        ["ideaClosed"] = StatusCodes.Status409Conflict,
        ["sameStage"] = StatusCodes.Status409Conflict,
        ["notAdjacentStage"] = StatusCodes.Status409Conflict,
        ["sameStatus"] = StatusCodes.Status409Conflict,
        ["partnerNotAccepted"] = StatusCodes.Status409Conflict,
        ["notAcceptingPartners"] = StatusCodes.Status409Conflict,
        ["alreadyApplied"] = StatusCodes.Status409Conflict,
        ["challengeMerged"] = StatusCodes.Status409Conflict,
        ["targetClosed"] = StatusCodes.Status409Conflict,
        ["commentRemoved"] = StatusCodes.Status409Conflict,
        ["workshopCancelled"] = StatusCodes.Status409Conflict,
        ["workshopEnded"] = StatusCodes.Status409Conflict,
        ["notRegistered"] = StatusCodes.Status409Conflict,
        ["capacityBelowRegistered"] = StatusCodes.Status409Conflict,
        ["pollAnswered"] = StatusCodes.Status409Conflict,
        ["dateFixed"] = StatusCodes.Status409Conflict,
        ["noPoll"] = StatusCodes.Status409Conflict,
        ["feedbackNotOpen"] = StatusCodes.Status409Conflict,
        ["sessionOpen"] = StatusCodes.Status409Conflict,
        ["sessionNotOpen"] = StatusCodes.Status409Conflict,
        ["sessionClosed"] = StatusCodes.Status409Conflict,
        ["boardHasColumns"] = StatusCodes.Status409Conflict,
        ["columnNotFound"] = StatusCodes.Status404NotFound,
        ["columnNotEmpty"] = StatusCodes.Status409Conflict,
        ["lastColumn"] = StatusCodes.Status409Conflict,
        ["notParticipant"] = StatusCodes.Status403Forbidden,
        ["wrongRoomCode"] = StatusCodes.Status400BadRequest,
        ["guestsNotAllowed"] = StatusCodes.Status403Forbidden,
        ["guestRemoved"] = StatusCodes.Status403Forbidden,
        ["guestNotFound"] = StatusCodes.Status404NotFound,
        ["tooManyNotes"] = StatusCodes.Status429TooManyRequests,
        ["noteNotFound"] = StatusCodes.Status404NotFound,
        ["noteHidden"] = StatusCodes.Status409Conflict,
        ["clusterNotFound"] = StatusCodes.Status404NotFound,
        ["roundOpen"] = StatusCodes.Status409Conflict,
        ["noRound"] = StatusCodes.Status409Conflict,
        ["roundClosed"] = StatusCodes.Status409Conflict,
        ["noDotsLeft"] = StatusCodes.Status409Conflict,
        ["noDotOnNote"] = StatusCodes.Status409Conflict,
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

    /// <summary>
    /// Sets the status of a page that shows a refusal itself, next to its control. A refusal naming something that no
    /// longer exists ("notFound": a comment deleted meanwhile, the idea to link) answers 400: the page itself was found,
    /// and a 404 makes Blazor replace the page with the site's not-found page, hiding the message.
    /// </summary>
    public static void SetPageStatus(HttpContext context, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = StatusFor(code);
        context.Response.StatusCode = status == StatusCodes.Status404NotFound ? StatusCodes.Status400BadRequest : status;
    }

    /// <summary>
    /// The problem result for a grain's rejection. A rejection with causes (a stage gate with several unmet conditions)
    /// lists each as <c>missing: [{code, field, values, detail}]</c>, so a client can show every condition at once.
    /// </summary>
    public static IResult From(HttpContext context, Rejection rejection, int? status = null) =>
        Build(context, rejection.Code, rejection.Field, rejection.Values, status, rejection.Causes);

    /// <summary>The localized text of a code (as in a problem's <c>detail</c>), for checklists that show conditions before any refusal.</summary>
    public static string Describe(HttpContext context, string code, string? field = null, IReadOnlyDictionary<string, string>? values = null, bool met = false) =>
        ProblemText.Describe(Texts(context), code, field, values, met);

    /// <summary>The problem result for a code, with the field it concerns and values for the message.</summary>
    public static IResult Create(HttpContext context, string code, string? field = null, IReadOnlyDictionary<string, string>? values = null, int? status = null) =>
        Build(context, code, field, values, status, null);

    private static IResult Build(
        HttpContext context, string code, string? field, IReadOnlyDictionary<string, string>? values, int? status, IReadOnlyList<Rejection>? causes)
    {
        var problem = new ProblemDetails { Status = status ?? StatusFor(code) };
        Fill(context, problem, code, field, values);
        if (causes is { Count: > 0 })
        {
            problem.Extensions["missing"] = causes.Select(c => new ProblemCause(
                c.Code, c.Field, c.Values ?? EmptyValues, Describe(context, c.Code, c.Field, c.Values))).ToArray();
        }

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
        var texts = Texts(context);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Title = ProblemText.Text(texts, $"status.{status}") ?? ProblemText.Text(texts, "status.500");
        problem.Detail = ProblemText.Describe(texts, code, field, values);
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyValues = new Dictionary<string, string>();

    private static IStringLocalizer Texts(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer<ProblemMessages>>();
}

/// <summary>One unmet condition of a refusal, as listed in a problem's <c>missing</c> extension.</summary>
public sealed record ProblemCause(string Code, string? Field, IReadOnlyDictionary<string, string> Values, string Detail);
