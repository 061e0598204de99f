using LivingLab.Common;
using LivingLab.Challenges;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Search;

namespace LivingLab.Web.Api.Lists;

/// <summary>
/// Checks the filter parameters every list shares. An empty parameter (an unselected form field) means "any"; any other
/// value must be an exact wire name, or the answer is a 400 problem naming the parameter.
/// </summary>
internal static class ListParameters
{
    /// <summary>The longest free-text query: enough for several words, and a bound on the grams one query looks up.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Reads a wire name with the parse method of its type (such as <c>StageWireNames.TryParse</c>).</summary>
    public delegate bool WireParser<T>(string? value, out T parsed);

    public static IResult? Stage(HttpContext context, string? value, out Stage? stage) =>
        Choice(context, "stage", value, StageWireNames.TryParse, out stage);

    public static IResult? Category(HttpContext context, string? value, out string? category)
    {
        category = string.IsNullOrEmpty(value) ? null : value;
        return category is null || Categories.IsKnown(category) ? null : Invalid(context, "category");
    }

    public static IResult? ChallengeStatus(HttpContext context, string? value, out ChallengeStatus? status) =>
        Choice(context, "status", value, ChallengeWireNames.TryParseStatus, out status);

    public static IResult? IdeaStatus(HttpContext context, string? value, out IdeaStatus? status) =>
        Choice(context, "status", value, IdeaStatusWireNames.TryParse, out status);

    /// <summary>A sort name from <paramref name="names"/> (the first is the default).</summary>
    public static IResult? Sort<TSort>(HttpContext context, string? value, IReadOnlyList<(string Name, TSort Sort)> names, out TSort sort) =>
        Named(context, "sort", value, names, out sort);

    /// <summary>
    /// An optional filter <paramref name="field"/>: null when empty, the value <paramref name="parse"/> reads, or a 400
    /// naming the field.
    /// </summary>
    public static IResult? Choice<T>(HttpContext context, string field, string? value, WireParser<T> parse, out T? choice)
        where T : struct
    {
        choice = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (parse(value, out var parsed))
        {
            choice = parsed;
            return null;
        }

        return Invalid(context, field);
    }

    /// <summary>One of a fixed list of <paramref name="names"/> for <paramref name="field"/>; empty means the first.</summary>
    public static IResult? Named<T>(HttpContext context, string field, string? value, IReadOnlyList<(string Name, T Value)> names, out T chosen)
    {
        chosen = names[0].Value;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var (name, candidate) in names)
        {
            if (name == value)
            {
                chosen = candidate;
                return null;
            }
        }

        return Invalid(context, field);
    }

    /// <summary>Free text: at most 100 characters, every word at least two (the search index works on pairs of characters).</summary>
    public static IResult? Query(HttpContext context, string? value, out string? query)
    {
        query = string.IsNullOrWhiteSpace(value) ? null : value;
        if (query is null)
        {
            return null;
        }

        if (query.Length > MaxQueryLength)
        {
            return Problems.From(context, TextRules.Limit("tooLong", "q", MaxQueryLength));
        }

        return SearchText.IsSearchable(SearchText.Terms(query))
            ? null
            : Problems.From(context, LivingLab.ReadModel.Search.SearchResult.QueryTooShort);
    }

    // The values each parameter takes are in the endpoint's OpenAPI description; the message names the parameter.
    private static IResult Invalid(HttpContext context, string field) => Problems.Create(context, "invalidValue", field);
}
