using CsvHelper;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.ReadModel.IdeaList;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;
using Microsoft.Net.Http.Headers;

namespace LivingLab.Web.Api.Lists;

/// <summary>
/// Open data: every challenge, idea and workshop as CSV or JSON under <c>/api/export</c>, and each workshop's board under
/// <c>/api/workshops/{id}/board.csv|json</c>. Public fields only (see <see cref="ChallengeExportRow"/>,
/// <see cref="IdeaExportRow"/>, <see cref="WorkshopExportItem"/> and <see cref="BoardExport"/>), streamed row by row.
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

    private static readonly string[] WorkshopColumns =
    [
        "id", "title", "stage", "status", "startsAt", "endsAt", "place", "online", "capacity", "registeredCount", "waitingCount",
        "ideasCreatedCount", "outcomeCount", "hasMinutes",
    ];

    private static readonly string[] BoardColumns = ["noteId", "columnId", "column", "clusterId", "cluster", "text"];

    private const string WorkshopFields =
        "Public fields only: never who registered, no name or contact of someone staff registered, no feedback, no online "
        + "link (only whether there is one). `ideasCreatedCount` counts the ideas its board created, `outcomeCount` every idea "
        + "and challenge it led to. Stages and statuses are wire names; times are ISO 8601 in UTC, null while the date is open.";

    private const string BoardFields =
        "The board as the public sees it: columns, clusters and the notes' words, with each note's dots in every closed "
        + "round. Never an author, a guest, a hidden note or the room code. 404 `notFound` for an unknown workshop; a board "
        + "never opened has no columns.";

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
        export.MapGet("/workshops.csv", (IGrainFactory grains, WorkshopQueries queries, CancellationToken cancellationToken) =>
                CsvExport.Stream("workshops.csv", WorkshopColumns, Workshops(grains, queries, cancellationToken), WriteWorkshop))
            .WithName("ExportWorkshopsCsv")
            .WithSummary("All workshops as CSV")
            .WithDescription("Every workshop, oldest first, one row each, with the columns of the JSON export. " + WorkshopFields + CsvNote)
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/workshops.json", (HttpContext context, IGrainFactory grains, WorkshopQueries queries, CancellationToken cancellationToken) =>
                Json(context, "workshops.json", Workshops(grains, queries, cancellationToken)))
            .WithName("ExportWorkshopsJson")
            .WithSummary("All workshops as JSON")
            .WithDescription("Every workshop, oldest first, as a JSON array. " + WorkshopFields)
            .Produces<WorkshopExportItem[]>();

        var board = app.MapGroup("/api/workshops").WithTags("Open data");
        board.MapGet("/{id}/board.csv", BoardCsv)
            .WithName("ExportWorkshopBoardCsv")
            .WithSummary("A workshop's board as CSV")
            .WithDescription("One row per note in board order: its column and cluster (ids and titles), its words, then one column "
                + "`round{n}Dots` per closed round. " + BoardFields + CsvNote)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        board.MapGet("/{id}/board.json", BoardJson)
            .WithName("ExportWorkshopBoardJson")
            .WithSummary("A workshop's board as JSON")
            .WithDescription("Columns, clusters, notes (each with its dots per closed round, in the order of `rounds`) and the "
                + "closed rounds with each cluster's dots. " + BoardFields)
            .Produces<BoardExport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    // Whether a workshop has minutes lives with the workshop grain (the list does not carry them); reading it per row
    // keeps the export exact, and workshops are few.
    private static async IAsyncEnumerable<WorkshopExportItem> Workshops(
        IGrainFactory grains, WorkshopQueries queries, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in queries.ExportAsync(cancellationToken))
        {
            var details = await grains.GetGrain<IWorkshopGrain>(row.Item.Id).GetAsync();
            yield return WorkshopExportItem.From(row, details is { Minutes.Length: > 0 });
        }
    }

    private static async Task<IResult> BoardCsv(string id, HttpContext context, IGrainFactory grains)
    {
        if (await PublicBoardAsync(id, grains) is not { } board)
        {
            return Problems.Create(context, "notFound");
        }

        var header = BoardColumns.Concat(board.Rounds.Select(r => $"round{r.Number}Dots")).ToList();
        var columns = board.Columns.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var clusters = board.Clusters.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        return CsvExport.Stream($"board-{id}.csv", header, board.Notes.ToAsyncEnumerable(), (csv, note) =>
        {
            csv.WriteField(note.Id);
            csv.WriteField(note.ColumnId);
            csv.WriteField(columns.GetValueOrDefault(note.ColumnId, ""));
            csv.WriteField(note.ClusterId ?? "");
            csv.WriteField(note.ClusterId is { } cluster ? clusters.GetValueOrDefault(cluster, "") : "");
            csv.WriteField(note.Text);
            foreach (var dots in note.Dots)
            {
                csv.WriteField(dots, default);
            }
        });
    }

    private static async Task<IResult> BoardJson(string id, HttpContext context, IGrainFactory grains)
    {
        if (await PublicBoardAsync(id, grains) is not { } board)
        {
            return Problems.Create(context, "notFound");
        }

        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = $"board-{id}.json" }.ToString();
        return TypedResults.Ok(board);
    }

    // Read as nobody, whoever asks: staff calling the export would otherwise get their own view, hidden notes and all.
    private static async Task<BoardExport?> PublicBoardAsync(string id, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        Caller.Clear();
        BoardGuest.Clear();
        if (await grains.GetGrain<IWorkshopGrain>(id).GetAsync() is null)
        {
            return null;
        }

        return BoardExport.From(await grains.GetGrain<IWorkshopBoardGrain>(id).GetAsync());
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

    private static void WriteWorkshop(CsvWriter csv, WorkshopExportItem item)
    {
        csv.WriteField(item.Id);
        csv.WriteField(item.Title);
        csv.WriteField(item.Stage);
        csv.WriteField(item.Status);
        WriteTime(csv, item.StartsAt);
        WriteTime(csv, item.EndsAt);
        csv.WriteField(item.Place);
        csv.WriteField(item.Online);
        csv.WriteField(item.Capacity, default);
        csv.WriteField(item.RegisteredCount, default);
        csv.WriteField(item.WaitingCount, default);
        csv.WriteField(item.IdeasCreatedCount, default);
        csv.WriteField(item.OutcomeCount, default);
        csv.WriteField(item.HasMinutes);
    }

    private static void WriteTime(CsvWriter csv, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            csv.WriteField(value.ToUniversalTime(), default);
        }
        else
        {
            csv.WriteField("");
        }
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
