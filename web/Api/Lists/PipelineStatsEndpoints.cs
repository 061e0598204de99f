using LivingLab.ReadModel.PipelineStats;

namespace LivingLab.Web.Api.Lists;

/// <summary>The pipeline dashboard's numbers: <c>GET /api/stats/pipeline</c>.</summary>
public static class PipelineStatsEndpoints
{
    /// <summary>Maps the statistics endpoint.</summary>
    public static IEndpointRouteBuilder MapPipelineStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/pipeline", async (PipelineStatistics statistics, CancellationToken cancellationToken) =>
                TypedResults.Ok(PipelineStatsResponse.From(await statistics.GetAsync(cancellationToken))))
            .WithTags("Statistics")
            .WithName("PipelineStatistics")
            .WithSummary("Ideas per stage and time spent in each")
            .WithDescription(
                "For each stage in pipeline order: the ideas in it now by status (`open`, `declined`, `onHold`; a closed idea keeps "
                + "its stage), and `medianDays`, the median time ideas spent in the stage before moving forward or back, with "
                + "`medianBasedOn`, the number of such stays (a stay ended by closing the idea is not counted; null and 0 when none "
                + "has ended). `rolledOut` counts the ideas that ever reached rollout; `ideas` all ideas.")
            .Produces<PipelineStatsResponse>();
        return app;
    }
}
