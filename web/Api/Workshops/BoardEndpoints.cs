using LivingLab.Common;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;
using Orleans;

namespace LivingLab.Web.Api.Workshops;

/// <summary>
/// A workshop's live board (ライブボード): <c>/api/workshops/{id}/board</c> and what runs it. Anyone reads the board as
/// they may see it; participants (joined with a seat) and guests (with the pass cookie the join page sets) post notes and
/// dots; staff run the session, rounds, clusters, hiding and promoting. The board grain checks who may do what; the
/// staff-only routes also ask for the facilitator policy here.
/// </summary>
public static class BoardEndpoints
{
    /// <summary>Maps the board endpoints.</summary>
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/workshops/{id}").WithTags("Workshop board");
        board.MapGet("/board", Get)
            .WithName("GetWorkshopBoard")
            .WithSummary("The live board as the caller sees it")
            .WithDescription(
                "Columns, clusters, the notes the caller may see (authors only for participants and staff, never on anonymous notes; " +
                "hidden notes for staff only), the open `round` with the caller's dots left, past round results, the timer's end, and " +
                "for staff the `roomCode` and `guests`. Public (the public view has no authors, room code or guests).")
            .Produces<BoardResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        Staff(board.MapPost("/session", OpenSession), "OpenWorkshopBoardSession", "Open a live session (facilitator)",
            $"`columns`: {BoardRules.MinColumns}–{BoardRules.MaxColumns} titles for the first session; null to reopen a board that has " +
            "them (409 `boardHasColumns` otherwise). A new room code every session. 409 `sessionOpen`, `workshopCancelled`.")
            .Produces<BoardResponse>();
        Staff(board.MapPost("/session/close", CloseSession), "CloseWorkshopBoardSession", "Close the live session (facilitator)",
            "Closes an open round, retires the room code and freezes the board. 409 `sessionNotOpen`.")
            .Produces<BoardResponse>();
        board.MapPost("/join", Join).RequireAuthorization()
            .WithName("JoinWorkshopBoard")
            .WithSummary("Join the live board")
            .WithDescription("Staff need not; anyone else needs a seat (409 `notRegistered`). Joining twice is fine. 409 `sessionNotOpen` / `sessionClosed`. Signed in.")
            .Produces<BoardResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/notes", PostNote)
            .WithName("PostWorkshopBoardNote")
            .WithSummary("Post a note")
            .WithDescription(
                $"`columnId`, `text` (1–{BoardRules.MaxNoteLength} characters), `anonymous` (others do not see who wrote it), and for staff " +
                "`proxyEntered` (typed in from paper). Participants, guests (pass cookie) and staff; 403 `notParticipant` for others, " +
                "429 `tooManyNotes` for a guest posting too fast, 409 `sessionClosed`.")
            .Produces<BoardNoteResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        Staff(board.MapPost("/notes/{noteId}/move", MoveNote), "MoveWorkshopBoardNote", "Move a note (facilitator)",
            "Into `columnId`, before `beforeNoteId` (null: at the end); a note leaving its cluster's column leaves the cluster.")
            .Produces(StatusCodes.Status204NoContent);
        Staff(board.MapPost("/notes/{noteId}/cluster", ClusterNote), "ClusterWorkshopBoardNote", "Put a note in a cluster (facilitator)",
            "Into `clusterId` (moving it to the cluster's column), or out of its cluster with null.")
            .Produces(StatusCodes.Status204NoContent);
        Staff(board.MapPost("/notes/{noteId}/hide", HideNote), "HideWorkshopBoardNote", "Hide a note (facilitator)",
            "With a `reason` (required, for staff). Its dots in the open round are dropped: the answer's `dotsDropped` says how many. 409 `noteHidden`.")
            .Produces<BoardHiddenResponse>();
        Staff(board.MapPost("/clusters", CreateCluster), "CreateWorkshopBoardCluster", "Create a cluster (facilitator)",
            "A titled cluster in `columnId`.")
            .Produces<BoardClusterResponse>(StatusCodes.Status201Created);
        Staff(board.MapPost("/rounds", OpenRound), "OpenWorkshopBoardRound", "Open a dot-voting round (facilitator)",
            $"`dotsPerPerson` ({BoardRules.MinDots}–{BoardRules.MaxDots}) and `totalsLive` (totals show while it is open). 409 `roundOpen`.")
            .Produces<BoardRoundResponse>(StatusCodes.Status201Created);
        Staff(board.MapPost("/rounds/current/close", CloseRound), "CloseWorkshopBoardRound", "Close the open round (facilitator)",
            "Freezes and records its result. 409 `noRound` / `roundClosed`.")
            .Produces<BoardRoundResultResponse>();
        board.MapPost("/notes/{noteId}/dots", PlaceDot)
            .WithName("PlaceWorkshopBoardDot")
            .WithSummary("Place a dot (シールを貼る)")
            .WithDescription(
                "One of the caller's dots on the note (several on one note are fine); answers `dotsLeft`. 409 `noDotsLeft` however many " +
                "calls race, `noRound`, `roundClosed`, `noteHidden`; 403 `notParticipant`. Participants, guests and staff.")
            .Produces<BoardDotsResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        board.MapDelete("/notes/{noteId}/dots", RemoveDot)
            .WithName("RemoveWorkshopBoardDot")
            .WithSummary("Take a dot back (シールをはがす)")
            .WithDescription("One of the caller's dots on the note; answers `dotsLeft`. 409 `noDotOnNote`. Participants, guests and staff.")
            .Produces<BoardDotsResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        const string promoted =
            "`target`: `newIdea` (a new idea in discovery from `title`, `summary`, `category`; a retry reaches the same idea), `idea` or " +
            "`challenge` (with `targetId`), the workshop on its timeline. The board records what it led to. Refusals of the idea or " +
            "challenge come back as they are.";
        Staff(board.MapPost("/notes/{noteId}/promote", PromoteNote), "PromoteWorkshopBoardNote", "Promote a note (facilitator)",
            promoted + " 409 `noteHidden`.")
            .Produces<BoardOutcomeResponse>();
        Staff(board.MapPost("/clusters/{clusterId}/promote", PromoteCluster), "PromoteWorkshopBoardCluster", "Promote a cluster (facilitator)",
            promoted + " The text is the cluster's title and its visible notes.")
            .Produces<BoardOutcomeResponse>();
        return app;
    }

    private static RouteHandlerBuilder Staff(RouteHandlerBuilder route, string name, string summary, string description) =>
        route.RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " Facilitators and admins.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        // An unknown workshop has no board, though the grain would answer an empty one.
        if (!Ids.IsWellFormed(id) || await grains.GetGrain<IWorkshopGrain>(id).GetAsync() is null)
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        return TypedResults.Ok(BoardResponse.From(await grains.GetGrain<IWorkshopBoardGrain>(id).GetAsync()));
    }

    private static async Task<IResult> OpenSession(string id, BoardSessionRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).OpenSessionAsync(new BoardSetupInput(body?.Columns));
        return r.Succeeded ? TypedResults.Ok(BoardResponse.From(r.Value!)) : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> CloseSession(string id, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).CloseSessionAsync();
        return r.Succeeded ? TypedResults.Ok(BoardResponse.From(r.Value!)) : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> Join(string id, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).JoinAsync();
        return r.Succeeded ? TypedResults.Ok(BoardResponse.From(r.Value!)) : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> PostNote(string id, BoardNoteRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).PostNoteAsync(
            new NoteInput(body?.ColumnId, body?.Text, body?.Anonymous ?? false, body?.ProxyEntered ?? false));
        return r.Succeeded
            ? TypedResults.Created($"/api/workshops/{id}/board", BoardNoteResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> MoveNote(string id, string noteId, BoardMoveRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).MoveNoteAsync(noteId, body?.ColumnId!, body?.BeforeNoteId);
        return r.Succeeded ? TypedResults.NoContent() : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> ClusterNote(string id, string noteId, BoardClusterNoteRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).ClusterNoteAsync(noteId, body?.ClusterId);
        return r.Succeeded ? TypedResults.NoContent() : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> HideNote(string id, string noteId, BoardHideRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).HideNoteAsync(noteId, body?.Reason);
        return r.Succeeded ? TypedResults.Ok(new BoardHiddenResponse(r.Value)) : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> CreateCluster(string id, BoardClusterRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).CreateClusterAsync(body?.ColumnId!, body?.Title);
        return r.Succeeded
            ? TypedResults.Created($"/api/workshops/{id}/board", BoardClusterResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> OpenRound(string id, BoardRoundRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).OpenRoundAsync(new RoundInput(body?.DotsPerPerson ?? 0, body?.TotalsLive ?? false));
        return r.Succeeded
            ? TypedResults.Created($"/api/workshops/{id}/board", BoardRoundResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> CloseRound(string id, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).CloseRoundAsync();
        return r.Succeeded ? TypedResults.Ok(BoardRoundResultResponse.From(r.Value!)) : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> PlaceDot(string id, string noteId, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).PlaceDotAsync(noteId);
        return r.Succeeded
            ? TypedResults.Created($"/api/workshops/{id}/board", new BoardDotsResponse(r.Value))
            : Problems.From(context, r.Rejection!);
    }

    private static async Task<IResult> RemoveDot(string id, string noteId, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).RemoveDotAsync(noteId);
        return r.Succeeded ? TypedResults.Ok(new BoardDotsResponse(r.Value)) : Problems.From(context, r.Rejection!);
    }

    private static Task<IResult> PromoteNote(string id, string noteId, BoardPromoteRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes) =>
        Promote(id, BoardSourceKind.Note, noteId, body, context, grains, passes);

    private static Task<IResult> PromoteCluster(string id, string clusterId, BoardPromoteRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes) =>
        Promote(id, BoardSourceKind.Cluster, clusterId, body, context, grains, passes);

    private static async Task<IResult> Promote(
        string id, BoardSourceKind kind, string sourceId, BoardPromoteRequest? body, HttpContext context, IGrainFactory grains, GuestPasses passes)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        if (!BoardWire.TryParseTarget(body?.Target, out var target))
        {
            return Problems.Create(context, "invalidValue", "target", new Dictionary<string, string> { ["allowed"] = "newIdea, idea, challenge" });
        }

        BoardCaller.Set(context.User, passes.Read(context, id));
        var r = await grains.GetGrain<IWorkshopBoardGrain>(id).PromoteAsync(
            new PromoteInput(kind, sourceId, target, body!.TargetId, body.Title, body.Summary, body.Category));
        return r.Succeeded ? TypedResults.Ok(BoardOutcomeResponse.From(r.Value!)) : Problems.From(context, r.Rejection!);
    }
}
