using LivingLab.ReadModel.IdeaList;

namespace LivingLab.Web.Api.Lists;

/// <summary>The public idea list: <c>GET /api/ideas</c> with filters, search, order and paging.</summary>
public static class IdeaListEndpoints
{
    private static readonly (string, IdeaSort)[] Sorts = [("newest", IdeaSort.Newest), ("votes", IdeaSort.Votes)];

    /// <summary>Maps the idea list.</summary>
    public static IEndpointRouteBuilder MapIdeaListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ideas", List)
            .WithTags("Ideas")
            .WithName("ListIdeas")
            .WithSummary("List ideas")
            .WithDescription(
                "Ideas on their way through the pipeline, public to anyone, as `{ items, total, page, pageSize }`. Filters combine: "
                + "`stage` (discovery, research, pilot, servicePlanning, rollout), `category`, `status` (open, declined, onHold) and "
                + "`q` (free text: every word, of at least 2 characters, must occur in the title or summary). `sort` is `newest` "
                + "(the default) or `votes` (most votes first). `pageSize` is at most 100. A bad value answers 400 with code "
                + "`invalidValue` (or `queryTooShort`) and the parameter as `field`. The list follows writes a moment behind.")
            .Produces<ListPage<IdeaListItemResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> List(
        HttpContext context, IdeaQueries queries, string? stage, string? category, string? status, string? q, string? sort, int? page, int? pageSize,
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
            ListParameters.IdeaStatus(context, status, out var parsedStatus),
            ListParameters.Query(context, q, out var query),
            ListParameters.Sort(context, sort, Sorts, out var parsedSort),
        ];
        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            return problem;
        }

        var result = await queries.ListAsync(
            new IdeaListQuery(parsedStage, parsedCategory, parsedStatus, query, parsedSort, request.Page, request.PageSize), cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        var found = result.Value!;
        return TypedResults.Ok(new ListPage<IdeaListItemResponse>(
            [.. found.Items.Select(IdeaListItemResponse.From)], found.Total, request.Page, request.PageSize));
    }
}
