namespace LivingLab.Web.Api.Lists;

/// <summary>Everything read from the read models: lists, timelines, pipeline statistics and open-data exports.</summary>
public static class ListApiEndpoints
{
    /// <summary>Maps the list, timeline, statistics and export endpoints.</summary>
    public static IEndpointRouteBuilder MapListApi(this IEndpointRouteBuilder app) =>
        app.MapChallengeListApi().MapIdeaListApi().MapTimelineApi().MapPipelineStatsApi().MapExportApi();
}
