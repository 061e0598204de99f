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

    public static IResult? Stage(HttpContext context, string? value, out Stage? stage)
    {
        stage = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (StageWireNames.TryParse(value, out var parsed))
        {
            stage = parsed;
            return null;
        }

        return Invalid(context, "stage");
    }

    public static IResult? Category(HttpContext context, string? value, out string? category)
    {
        category = string.IsNullOrEmpty(value) ? null : value;
        return category is null || Categories.IsKnown(category) ? null : Invalid(context, "category");
    }

    public static IResult? ChallengeStatus(HttpContext context, string? value, out ChallengeStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (ChallengeWireNames.TryParseStatus(value, out var parsed))
        {
            status = parsed;
            return null;
        }

        return Invalid(context, "status");
    }

    public static IResult? IdeaStatus(HttpContext context, string? value, out IdeaStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (IdeaStatusWireNames.TryParse(value, out var parsed))
        {
            status = parsed;
            return null;
        }

        return Invalid(context, "status");
    }

    /// <summary>A sort name from <paramref name="names"/> (the first is the default).</summary>
    public static IResult? Sort<TSort>(HttpContext context, string? value, IReadOnlyList<(string Name, TSort Sort)> names, out TSort sort)
    {
        sort = names[0].Sort;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var (name, candidate) in names)
        {
            if (name == value)
            {
                sort = candidate;
                return null;
            }
        }

        return Invalid(context, "sort");
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
