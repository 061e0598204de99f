using LivingLab.Common;
using LivingLab.Hosting;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Api.Lists;
using LivingLab.Workshops;
using Orleans;

namespace LivingLab.Web.Api.Workshops;

/// <summary>
/// Workshops (ワークショップ): <c>/api/workshops</c>. Anyone reads; signed-in people register and answer the date poll;
/// facilitators create workshops, open and decide the date poll, and see and add registrations. Roles are checked here
/// and in the grain.
/// </summary>
public static class WorkshopEndpoints
{
    private static readonly (string, WorkshopWhen)[] Whens = [("upcoming", WorkshopWhen.Upcoming), ("past", WorkshopWhen.Past)];

    /// <summary>Maps the workshop endpoints.</summary>
    public static IEndpointRouteBuilder MapWorkshopApi(this IEndpointRouteBuilder app)
    {
        var workshops = app.MapGroup("/api/workshops").WithTags("Workshops");
        workshops.MapGet("/", List)
            .WithName("ListWorkshops")
            .WithSummary("List workshops")
            .WithDescription(
                "Workshops as `{ items, total, page, pageSize }`. `when` is `upcoming` (the default: not yet ended, or with the date " +
                "still open; soonest first, open dates last) or `past` (latest first); `stage` and `status` (`planned`, `cancelled`) " +
                "filter. Counts are public, who registered is not. A bad value answers 400 `invalidValue` naming the parameter. Public.")
            .Produces<ListPage<WorkshopListItemResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workshops.MapPost("/", Create).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("CreateWorkshop")
            .WithSummary("Create a workshop (facilitator)")
            .WithDescription(
                $"`title` (1–{WorkshopRules.MaxTitleLength} characters), `description` (Markdown, up to {WorkshopRules.MaxDescriptionLength}), " +
                "`stage` it serves, `challengeIds` and `ideaIds` it works on, a `place` and/or an http(s) `onlineUrl` (one is needed), " +
                $"`capacity` (1–{WorkshopRules.MaxCapacity}), `guestsAllowed` (guests may join the live board with a room code), and " +
                "`startsAt`/`endsAt` (both, at most 24 hours apart) or neither, to find the date with a poll. Accepts an " +
                "`Idempotency-Key` header: the same key from the same person answers 200 with the first workshop. Facilitators and admins.")
            .Produces<WorkshopResponse>(StatusCodes.Status201Created)
            .Produces<WorkshopResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapGet("/{id}", Get)
            .WithName("GetWorkshop")
            .WithSummary("One workshop")
            .WithDescription(
                "A workshop with its `stage`, `status` (`planned`, `cancelled` with a public `statusReason`), date (null while open), " +
                "`capacity`, `registeredCount` and `waitingCount`, and `mine`: the caller's registration (`registered`, or `waiting` " +
                "with `waitingPosition`, 1 being next). Public.")
            .Produces<WorkshopResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workshops.MapPost("/{id}/registration", Register).RequireAuthorization()
            .WithName("RegisterForWorkshop")
            .WithSummary("Register for a workshop")
            .WithDescription(
                "A seat while there is one, else the end of the waiting list; a freed seat goes to the first waiting, who is told. " +
                "Registering again changes nothing and answers with the registration as it stands. 409 `workshopCancelled` or " +
                "`workshopEnded`. Signed in.")
            .Produces<RegistrationResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        workshops.MapDelete("/{id}/registration", Unregister).RequireAuthorization()
            .WithName("UnregisterFromWorkshop")
            .WithSummary("Withdraw a registration")
            .WithDescription("Withdraws the caller's registration (204); 409 `notRegistered` when there is none. Signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        workshops.MapGet("/{id}/registrations", Registrations).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("ListWorkshopRegistrations")
            .WithSummary("Who registered (facilitator)")
            .WithDescription(
                "Every registration, seats first, then the waiting list in order. People without an account, registered by staff, " +
                "come with the `name` and `contact` staff entered. Facilitators and admins only.")
            .Produces<IReadOnlyList<RegistrationEntryResponse>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workshops.MapPost("/{id}/registrations", RegisterOffline).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("RegisterSomeoneForWorkshop")
            .WithSummary("Register someone without an account (facilitator)")
            .WithDescription(
                $"Registers a person staff speak for: `name` (1–{WorkshopRules.MaxNameLength} characters) and how to reach them, " +
                $"`contact` (1–{WorkshopRules.MaxContactLength}). Both stay private to staff. Facilitators and admins only.")
            .Produces<RegistrationEntryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapGet("/{id}/poll", GetPoll)
            .WithName("GetWorkshopPoll")
            .WithSummary("The date poll (日程調整)")
            .WithDescription(
                "The candidate `slots` with how many marked each `yes` (○), `maybe` (△) or `no` (×), the caller's own answer as " +
                "`mine`, every answer as `answers` for facilitators only (null for everyone else), and `fixedSlotId` once the date is " +
                "fixed. 404 when the workshop has no poll. Public.")
            .Produces<PollResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workshops.MapPost("/{id}/poll", OpenPoll).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("OpenWorkshopPoll")
            .WithSummary("Offer candidate dates (facilitator)")
            .WithDescription(
                $"`slots`: {WorkshopRules.MinPollSlots}–{WorkshopRules.MaxPollSlots} `{{startsAt, endsAt}}`, no two the same, while the date " +
                "is open. 409 `pollAnswered` once anyone has answered, `dateFixed` when the date is set. Facilitators and admins only.")
            .Produces<PollResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapPost("/{id}/poll/answers", AnswerPoll).RequireAuthorization()
            .WithName("AnswerWorkshopPoll")
            .WithSummary("Answer the date poll")
            .WithDescription(
                "`marks`: slot id → `yes`, `maybe` or `no` (a slot left out stays unanswered), and an optional `comment` " +
                $"(up to {WorkshopRules.MaxPollCommentLength} characters). Answering again replaces the answer. 409 `dateFixed` once " +
                "the date is fixed. Signed in.")
            .Produces<PollResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapPost("/{id}/schedule", Schedule).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("ScheduleWorkshop")
            .WithSummary("Fix the date from the poll (facilitator)")
            .WithDescription("`slotId`: the candidate that becomes the date; everyone who answered is told. Facilitators and admins only.")
            .Produces<WorkshopResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapPut("/{id}/record", Record).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("RecordWorkshop")
            .WithSummary("Keep the minutes and the recording link (facilitator)")
            .WithDescription(
                $"`minutes` (Markdown, up to {WorkshopRules.MaxMinutesLength} characters) and an http(s) `recordingUrl`, both public and " +
                "optional; each replaces what was there, an empty value clears it. Facilitators and admins only.")
            .Produces<WorkshopResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapPost("/{id}/feedback", GiveFeedback).RequireAuthorization()
            .WithName("GiveWorkshopFeedback")
            .WithSummary("Rate a workshop")
            .WithDescription(
                $"`rating` 1–5 and an optional `comment` (up to {WorkshopRules.MaxFeedbackCommentLength} characters), from someone who held a " +
                "seat, once the workshop has begun (409 `feedbackNotOpen` before, `notRegistered` without a seat). Answering again " +
                "replaces the answer. Staff read the comments without names. Signed in.")
            .Produces<FeedbackResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workshops.MapGet("/{id}/feedback", Feedback).RequireAuthorization()
            .WithName("GetWorkshopFeedback")
            .WithSummary("The feedback survey")
            .WithDescription(
                "`open` (whether the caller may answer now), the caller's own answer (`mine`) and, for facilitators and admins, the " +
                "`summary`: `count`, `average`, `ratings` (how many gave 1 … 5) and the comments, newest first, without names. Signed in.")
            .Produces<FeedbackResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> List(
        HttpContext context, WorkshopQueries queries, [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
        string? when, string? stage, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(context, page, pageSize, out var request, out var pageProblem))
        {
            return pageProblem!;
        }

        IResult?[] problems =
        [
            ListParameters.Named(context, "when", when, Whens, out var parsedWhen),
            ListParameters.Stage(context, stage, out var parsedStage),
            ListParameters.Choice<WorkshopStatus>(context, "status", status, WorkshopStatusNames.TryParse, out var parsedStatus),
        ];
        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            return problem;
        }

        var found = await queries.ListAsync(
            new WorkshopListQuery(clock.GetUtcNow(), parsedWhen, parsedStage, parsedStatus, request.Page, request.PageSize), cancellationToken);
        return TypedResults.Ok(new ListPage<WorkshopListItemResponse>(
            [.. found.Items.Select(WorkshopListItemResponse.From)], found.Total, request.Page, request.PageSize));
    }

    private static async Task<IResult> Create(WorkshopRequest? body, HttpContext context, IGrainFactory grains)
    {
        Stage? stage = null;
        if (!string.IsNullOrEmpty(body?.Stage))
        {
            if (!StageWireNames.TryParse(body.Stage, out var parsed))
            {
                return Problems.Create(context, "invalidValue", "stage", new Dictionary<string, string> { ["allowed"] = string.Join(", ", StageWireNames.All) });
            }

            stage = parsed;
        }

        var key = Partners.PartnerEndpoints.IdempotencyKey(context);
        var id = key is null ? Ids.New() : Ids.For("workshop", Caller.Id!, key);
        var grain = grains.GetGrain<IWorkshopGrain>(id);
        var input = body?.ToInput(stage) ?? new WorkshopInput(null, null, null, null, null, null, null, null, false, null, null);
        var result = await grain.CreateAsync(input);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/workshops/{id}", WorkshopResponse.From(result.Value!));
        }

        // A repeated key is the same request arriving again: answer with what the first one created.
        if (key is not null && result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing)
        {
            return TypedResults.Ok(WorkshopResponse.From(existing));
        }

        return Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IWorkshopGrain>(id).GetAsync() is { } workshop
            ? TypedResults.Ok(WorkshopResponse.From(workshop))
            : Problems.Create(context, "notFound");

    private static Task<IResult> Register(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.RegisterAsync() is var r && r.Succeeded
            ? TypedResults.Ok(RegistrationResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> Unregister(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.UnregisterAsync() is var r && r.Succeeded
            ? TypedResults.NoContent()
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> Registrations(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.GetRegistrationsAsync() is var r && r.Succeeded
            ? TypedResults.Ok<IReadOnlyList<RegistrationEntryResponse>>([.. r.Value!.Select(RegistrationEntryResponse.From)])
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> RegisterOffline(string id, OfflineRegistrationRequest? body, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.RegisterOfflineAsync(new OfflineParticipantInput(body?.Name, body?.Contact)) is var r && r.Succeeded
            ? TypedResults.Created($"/api/workshops/{id}/registrations", RegistrationEntryResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> GetPoll(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.GetPollAsync() is { } poll
            ? TypedResults.Ok(PollResponse.From(poll))
            : Problems.Create(context, "notFound"));

    private static Task<IResult> OpenPoll(string id, PollRequest? body, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain =>
            await grain.OpenPollAsync([.. (body?.Slots ?? []).Select(s => new PollSlotInput(s?.StartsAt, s?.EndsAt))]) is var r && r.Succeeded
                ? TypedResults.Ok(PollResponse.From(r.Value!))
                : Problems.From(context, r.Rejection!));

    private static Task<IResult> AnswerPoll(string id, PollAnswerRequest? body, HttpContext context, IGrainFactory grains)
    {
        var marks = new Dictionary<string, PollMark>(StringComparer.Ordinal);
        foreach (var (slot, mark) in body?.Marks ?? new Dictionary<string, string>())
        {
            if (!PollMarkNames.TryParse(mark, out var parsed))
            {
                return Task.FromResult(Problems.Create(context, "invalidValue", "marks", new Dictionary<string, string> { ["allowed"] = string.Join(", ", PollMarkNames.All) }));
            }

            marks[slot] = parsed;
        }

        return Command(id, context, grains, async grain => await grain.AnswerPollAsync(new PollAnswerInput(marks, body?.Comment)) is var r && r.Succeeded
            ? TypedResults.Ok(PollResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!));
    }

    private static Task<IResult> Schedule(string id, ScheduleRequest? body, HttpContext context, IGrainFactory grains) =>
        string.IsNullOrEmpty(body?.SlotId)
            ? Task.FromResult(Problems.Create(context, "required", "slotId"))
            : Command(id, context, grains, async grain => await grain.FixSlotAsync(body.SlotId) is var r && r.Succeeded
                ? TypedResults.Ok(WorkshopResponse.From(r.Value!))
                : Problems.From(context, r.Rejection!));

    private static Task<IResult> Record(string id, WorkshopRecordRequest? body, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.RecordAsync(new WorkshopRecordInput(body?.Minutes, body?.RecordingUrl)) is var r && r.Succeeded
            ? TypedResults.Ok(WorkshopResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> GiveFeedback(string id, FeedbackRequest? body, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.GiveFeedbackAsync(new FeedbackInput(body?.Rating, body?.Comment)) is var r && r.Succeeded
            ? TypedResults.Ok(FeedbackResponse.From(r.Value!))
            : Problems.From(context, r.Rejection!));

    private static Task<IResult> Feedback(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, async grain => await grain.GetFeedbackAsync() is { } view
            ? TypedResults.Ok(FeedbackResponse.From(view))
            : Problems.Create(context, "notFound"));

    private static async Task<IResult> Command(string id, HttpContext context, IGrainFactory grains, Func<IWorkshopGrain, Task<IResult>> command) =>
        Ids.IsWellFormed(id) ? await command(grains.GetGrain<IWorkshopGrain>(id)) : Problems.Create(context, "notFound");
}
