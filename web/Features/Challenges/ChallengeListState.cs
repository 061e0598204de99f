using LivingLab.Challenges;
using LivingLab.Pipeline;
using LivingLab.ReadModel.ChallengeList;
using Microsoft.AspNetCore.WebUtilities;

namespace LivingLab.Web.Features.Challenges;

/// <summary>
/// Everything the challenge list shows, as it stands in the URL (q, stage, category, status, sort, page), so a search can
/// be bookmarked, shared or printed as a QR code. Values the list does not know count as "any", as an empty select does.
/// </summary>
public sealed record ChallengeListState(string? Query, Stage? Stage, string? Category, ChallengeStatus? Status, ChallengeSort Sort, int Page)
{
    /// <summary>Challenges per page.</summary>
    public const int PageSize = 20;

    /// <summary>The state from the query parameters.</summary>
    public static ChallengeListState From(string? q, string? stage, string? category, string? status, string? sort, int? page) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        StageWireNames.TryParse(stage, out var parsedStage) ? parsedStage : null,
        Categories.IsKnown(category) ? category : null,
        ChallengeWireNames.TryParseStatus(status, out var parsedStatus) ? parsedStatus : null,
        sort == "supported" ? ChallengeSort.Supported : ChallengeSort.Newest,
        page is > 0 ? page.Value : 1);

    /// <summary>Whether anything narrows the list (so an empty result means "nothing matches", not "nothing yet").</summary>
    public bool IsFiltered => Query is not null || Stage is not null || Category is not null || Status is not null;

    /// <summary>The sort's URL name.</summary>
    public string SortName => Sort == ChallengeSort.Supported ? "supported" : "newest";

    /// <summary>The list's address for this state (defaults left out); relative to the site root.</summary>
    public string Url()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        Add(pairs, "q", Query);
        Add(pairs, "stage", Stage is { } stage ? StageWireNames.Format(stage) : null);
        Add(pairs, "category", Category);
        Add(pairs, "status", Status is { } status ? ChallengeWireNames.Format(status) : null);
        Add(pairs, "sort", Sort == ChallengeSort.Newest ? null : SortName);
        Add(pairs, "page", Page == 1 ? null : Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString("challenges", pairs);
    }

    /// <summary>The query for the read model (the text only when it is searchable; the page checks that first).</summary>
    public ChallengeListQuery ToQuery(bool withText) => new(Stage, Category, Status, withText ? Query : null, Sort, Page, PageSize);

    private static void Add(List<KeyValuePair<string, string?>> pairs, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add(new KeyValuePair<string, string?>(key, value));
        }
    }
}
