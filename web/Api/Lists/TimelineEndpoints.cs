using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Timeline;
using Orleans;

namespace LivingLab.Web.Api.Lists;

/// <summary>The public timelines: <c>GET /api/challenges/{id}/timeline</c> and <c>GET /api/ideas/{id}/timeline</c>.</summary>
public static class TimelineEndpoints
{
    private const string Privacy =
        "Never lists votes, supports or follows, nor comments (they have their own thread), nor partner applications other "
        + "than accepted ones. Oldest first, as `{ items, total, page, pageSize }`; `pageSize` is at most 100.";

    /// <summary>Maps both timelines.</summary>
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/challenges/{id}/timeline", Challenge)
            .WithTags("Challenges")
            .WithName("ChallengeTimeline")
            .WithSummary("A local issue's public history")
            .WithDescription(
                "What happened to a local issue and why: submitted, accepted (and into which idea), merged, declined with the reason; "
                + "once accepted, also every stage move and closing of its idea with the rationale and evidence, so a resident sees "
                + "where the issue stands. Each entry has `itemKind` (challenge or idea), `itemId`, `type` (e.g. `challengeAccepted`, "
                + "`ideaAdvanced`), `actorId`, `occurredAt` and the event's public `data`. " + Privacy)
            .Produces<ListPage<TimelineEntryResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/ideas/{id}/timeline", Idea)
            .WithTags("Ideas")
            .WithName("IdeaTimeline")
            .WithSummary("An idea's public history")
            .WithDescription(
                "Every public step of an idea: created, challenges linked, stage moves (with rationale and evidence), closings with "
                + "the reason, KPIs added and measured, the operator named, partners accepted. Entries as for the challenge timeline. "
                + Privacy)
            .Produces<ListPage<TimelineEntryResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<IResult> Challenge(string id, HttpContext context, TimelineQueries timelines, ProjectionRunner projections, IGrainFactory grains, int? page, int? pageSize, CancellationToken cancellationToken) =>
        Answer(id, context, projections, page, pageSize, request => timelines.ForChallengeAsync(id, request.Page, request.PageSize, cancellationToken),
            async () => await grains.GetGrain<IChallengeGrain>(id).GetAsync() is not null);

    private static Task<IResult> Idea(string id, HttpContext context, TimelineQueries timelines, ProjectionRunner projections, IGrainFactory grains, int? page, int? pageSize, CancellationToken cancellationToken) =>
        Answer(id, context, projections, page, pageSize, request => timelines.ForIdeaAsync(id, request.Page, request.PageSize, cancellationToken),
            async () => await grains.GetGrain<IIdeaGrain>(id).GetAsync() is not null);

    private static async Task<IResult> Answer(
        string id, HttpContext context, ProjectionRunner projections, int? page, int? pageSize, Func<PageRequest, Task<ListResult<TimelineEntry>?>> read, Func<Task<bool>> exists)
    {
        if (!PageRequest.TryCreate(context, page, pageSize, out var request, out var problem))
        {
            return problem!;
        }

        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var found = await read(request);
        if (found is null && await exists())
        {
            // An item posted a moment ago may not have reached the read model yet: catch up once before saying "not found".
            // Only for items that exist, so requests for made-up ids never queue behind the runner's catch-up.
            await projections.CatchUpAsync(context.RequestAborted);
            found = await read(request);
        }

        return found is null
            ? Problems.Create(context, "notFound")
            : TypedResults.Ok(new ListPage<TimelineEntryResponse>([.. found.Items.Select(TimelineEntryResponse.From)], found.Total, request.Page, request.PageSize));
    }
}
