using LivingLab.ReadModel.ChallengeList;

namespace LivingLab.Web.Api.Lists;

/// <summary>The public challenge list: <c>GET /api/challenges</c> with filters, search, order and paging.</summary>
public static class ChallengeListEndpoints
{
    private static readonly (string, ChallengeSort)[] Sorts = [("newest", ChallengeSort.Newest), ("supported", ChallengeSort.Supported)];

    /// <summary>Maps the challenge list.</summary>
    public static IEndpointRouteBuilder MapChallengeListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/challenges", List)
            .WithTags("Challenges")
            .WithName("ListChallenges")
            .WithSummary("List local issues")
            .WithDescription(
                "Local issues (challenges), public to anyone, as `{ items, total, page, pageSize }`. Filters combine: `stage` "
                + "(discovery, research, pilot, servicePlanning, rollout: an accepted challenge stands where its idea is, others in "
                + "discovery), `category` (an id from `GET /api/categories`), `status` (open, accepted, merged, declined) and `q` "
                + "(free text: every word, of at least 2 characters, must occur in the title, body or place). `sort` is `newest` "
                + "(the default) or `supported` (most supporters first). `pageSize` is at most 100. A bad value answers 400 with "
                + "code `invalidValue` (or `queryTooShort`) and the parameter as `field`. The list follows writes a moment behind.")
            .Produces<ListPage<ChallengeListItemResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> List(
        HttpContext context, ChallengeQueries queries, string? stage, string? category, string? status, string? q, string? sort, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(context, page, pageSize, out var request, out var pageProblem))
        {
            return pageProblem!;
        }

        // Every parameter is checked (so each out value is set); the first refusal, in parameter order, is the answer.
        IResult?[] problems =
        [
            ListParameters.Stage(context, stage, out var parsedStage),
            ListParameters.Category(context, category, out var parsedCategory),
            ListParameters.ChallengeStatus(context, status, out var parsedStatus),
            ListParameters.Query(context, q, out var query),
            ListParameters.Sort(context, sort, Sorts, out var parsedSort),
        ];
        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            return problem;
        }

        var result = await queries.ListAsync(
            new ChallengeListQuery(parsedStage, parsedCategory, parsedStatus, query, parsedSort, request.Page, request.PageSize), cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        var found = result.Value!;
        return TypedResults.Ok(new ListPage<ChallengeListItemResponse>(
            [.. found.Items.Select(ChallengeListItemResponse.From)], found.Total, request.Page, request.PageSize));
    }
}
