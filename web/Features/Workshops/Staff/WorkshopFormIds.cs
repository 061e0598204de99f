namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>The element ids the plain workshop form and its island share (labels, the error summary's links, drafts and tests point at them).</summary>
public static class WorkshopFormIds
{
    public const string Title = "ws-title";
    public const string Description = "ws-description";
    public const string Stage = "ws-stage";
    public const string Place = "ws-place";
    public const string OnlineUrl = "ws-online-url";
    public const string Capacity = "ws-capacity";
    public const string Guests = "ws-guests";
    public const string WhenFixed = "ws-when-fixed";
    public const string WhenPoll = "ws-when-poll";
    public const string Date = "ws-date";
    public const string StartTime = "ws-start";
    public const string EndTime = "ws-end";

    /// <summary>The id of a field's message element.</summary>
    public static string ErrorId(string field) => $"ws-{field}-error";

    /// <summary>The id of a field's hint.</summary>
    public static string HintId(string field) => $"ws-{field}-hint";

    /// <summary>The control a field's refusal belongs to, or null for one that names no field.</summary>
    public static string? ControlOf(string field) => field switch
    {
        "title" => Title,
        "description" => Description,
        "stage" => Stage,
        "place" => Place,
        "onlineUrl" => OnlineUrl,
        "capacity" => Capacity,
        "startsAt" => Date,
        "endsAt" => EndTime,
        _ => null,
    };

    /// <summary>The hint and (when refused) the message that describe a control, space-separated.</summary>
    public static string? Describe(string? hintId, string field, IReadOnlyDictionary<string, string> errors) =>
        string.Join(' ', new[] { hintId, errors.ContainsKey(field) ? ErrorId(field) : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
