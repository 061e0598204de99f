using CsvHelper;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using Microsoft.Net.Http.Headers;

namespace LivingLab.Web.Api.Lists;

/// <summary>
/// Open data: every challenge and every idea as CSV or JSON under <c>/api/export</c>. Public fields only (see
/// <see cref="ChallengeExportRow"/> and <see cref="IdeaExportRow"/>), streamed row by row.
/// </summary>
public static class ExportEndpoints
{
    private static readonly string[] ChallengeColumns =
    [
        "id", "title", "body", "category", "status", "stage", "ideaId", "supportCount", "commentCount", "createdAt", "proxyChannel",
        "placeText", "latitude", "longitude", "mergedIntoId", "declineReason",
    ];

    private static readonly string[] IdeaColumns =
    [
        "id", "title", "summary", "category", "stage", "status", "statusReason", "voteCount", "commentCount", "challengeCount", "createdAt",
        "stageEnteredAt", "operator", "welcomesPartners", "acceptedPartnerCount", "kpiCount",
    ];

    private const string Fields =
        "Public fields only: never an email, a partner's contact, a hidden comment, who supported or voted, or a declined "
        + "partner application. Stages and statuses are wire names; times are ISO 8601 in UTC. The file is streamed.";

    private const string CsvNote =
        " The CSV is UTF-8 with a byte order mark (so Excel opens Japanese text correctly), quoted as RFC 4180, with `'` in "
        + "front of any text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`).";

    /// <summary>Maps the four export files.</summary>
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").WithTags("Open data");
        export.MapGet("/challenges.csv", (ChallengeQueries queries, CancellationToken cancellationToken) =>
                CsvExport.Stream("challenges.csv", ChallengeColumns, queries.ExportAsync(cancellationToken), WriteChallenge))
            .WithName("ExportChallengesCsv")
            .WithSummary("All local issues as CSV")
            .WithDescription("Every local issue, oldest first, one row each, with the columns of the JSON export. " + Fields + CsvNote)
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/challenges.json", (HttpContext context, ChallengeQueries queries, CancellationToken cancellationToken) =>
                Json(context, "challenges.json", queries.ExportAsync(cancellationToken).Select(ChallengeExportItem.From)))
            .WithName("ExportChallengesJson")
            .WithSummary("All local issues as JSON")
            .WithDescription("Every local issue, oldest first, as a JSON array. " + Fields)
            .Produces<ChallengeExportItem[]>();
        export.MapGet("/ideas.csv", (IdeaQueries queries, CancellationToken cancellationToken) =>
                CsvExport.Stream("ideas.csv", IdeaColumns, queries.ExportAsync(cancellationToken), WriteIdea))
            .WithName("ExportIdeasCsv")
            .WithSummary("All ideas as CSV")
            .WithDescription("Every idea, oldest first, one row each, with the columns of the JSON export. " + Fields + CsvNote)
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/ideas.json", (HttpContext context, IdeaQueries queries, CancellationToken cancellationToken) =>
                Json(context, "ideas.json", queries.ExportAsync(cancellationToken).Select(IdeaExportItem.From)))
            .WithName("ExportIdeasJson")
            .WithSummary("All ideas as JSON")
            .WithDescription("Every idea, oldest first, as a JSON array. " + Fields)
            .Produces<IdeaExportItem[]>();
        return app;
    }

    // An async sequence is written as a JSON array element by element, flushed as it goes: the export is never held whole.
    private static IResult Json<T>(HttpContext context, string fileName, IAsyncEnumerable<T> items)
    {
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        return TypedResults.Ok(items);
    }

    private static void WriteChallenge(CsvWriter csv, ChallengeExportRow row)
    {
        var item = ChallengeExportItem.From(row);
        csv.WriteField(item.Id);
        csv.WriteField(item.Title);
        csv.WriteField(item.Body);
        csv.WriteField(item.Category);
        csv.WriteField(item.Status);
        csv.WriteField(item.Stage);
        csv.WriteField(item.IdeaId);
        csv.WriteField(item.SupportCount, default);
        csv.WriteField(item.CommentCount, default);
        csv.WriteField(item.CreatedAt.ToUniversalTime(), default);
        csv.WriteField(item.ProxyChannel);
        csv.WriteField(item.PlaceText);
        csv.WriteField(item.Latitude, default);
        csv.WriteField(item.Longitude, default);
        csv.WriteField(item.MergedIntoId);
        csv.WriteField(item.DeclineReason);
    }

    private static void WriteIdea(CsvWriter csv, IdeaExportRow row)
    {
        var item = IdeaExportItem.From(row);
        csv.WriteField(item.Id);
        csv.WriteField(item.Title);
        csv.WriteField(item.Summary);
        csv.WriteField(item.Category);
        csv.WriteField(item.Stage);
        csv.WriteField(item.Status);
        csv.WriteField(item.StatusReason);
        csv.WriteField(item.VoteCount, default);
        csv.WriteField(item.CommentCount, default);
        csv.WriteField(item.ChallengeCount, default);
        csv.WriteField(item.CreatedAt.ToUniversalTime(), default);
        csv.WriteField(item.StageEnteredAt.ToUniversalTime(), default);
        csv.WriteField(item.Operator);
        csv.WriteField(item.WelcomesPartners);
        csv.WriteField(item.AcceptedPartnerCount, default);
        csv.WriteField(item.KpiCount, default);
    }
}
