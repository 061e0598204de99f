namespace LivingLab.Web.Features.Ideas.Propose;

/// <summary>The element ids the plain form and the island share (labels, the error summary's links, drafts and tests point at them).</summary>
public static class ProposeIds
{
    public const string Title = "propose-title";
    public const string TitleHint = "propose-title-hint";
    public const string Category = "propose-category";
    public const string Summary = "propose-summary";
    public const string SummaryHint = "propose-summary-hint";

    /// <summary>Where a proposal lands: the new idea's page, with the notice of what happens next.</summary>
    public static string Landing(string ideaId) => $"/{IdeaDisplay.Url(ideaId)}?done=proposed";

    /// <summary>The id of a field's message element.</summary>
    public static string ErrorId(string field) => $"propose-{field}-error";

    /// <summary>The control a field's refusal belongs to, or null for one that names no field.</summary>
    public static string? ControlOf(string field) => field switch
    {
        "title" => Title,
        "summary" => Summary,
        "category" => Category,
        _ => null,
    };

    /// <summary>The hint and (when refused) the message that describe a control, space-separated.</summary>
    public static string? Describe(string? hintId, string field, IReadOnlyDictionary<string, string> errors) =>
        string.Join(' ', new[] { hintId, errors.ContainsKey(field) ? ErrorId(field) : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
