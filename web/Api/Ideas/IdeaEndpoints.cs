using System.Globalization;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Pipeline;
using Orleans;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Api.Comments;
using LivingLab.Web.Api.Partners;

namespace LivingLab.Web.Api.Ideas;

/// <summary>
/// Ideas on their way through the pipeline (課題発見 → 調査 → 実証 → サービス企画 → サービス展開): <c>/api/ideas</c>.
/// Anyone reads; signed-in people propose, vote, follow and comment; facilitators move ideas through the stage gates and
/// manage KPIs and partners; partner members apply and report measurements. Roles are checked here and in the grain.
/// </summary>
public static class IdeaEndpoints
{
    /// <summary>Maps the idea endpoints (the list and search live with the read endpoints).</summary>
    public static IEndpointRouteBuilder MapIdeaApi(this IEndpointRouteBuilder app)
    {
        var ideas = app.MapGroup("/api/ideas").WithTags("Ideas");
        ideas.MapPost("/", Propose).RequireAuthorization()
            .WithName("ProposeIdea")
            .WithSummary("Propose an idea")
            .WithDescription(
                $"A resident proposes an idea: `title` (1–{IdeaRules.MaxTitleLength} characters), `summary` (Markdown, " +
                $"1–{IdeaRules.MaxSummaryLength}) and `category` (an id from `GET /api/categories`). It starts in `discovery`. " +
                "Accepts an `Idempotency-Key` header: the same key from the same person answers 200 with the first idea. Signed in.")
            .Produces<IdeaResponse>(StatusCodes.Status201Created)
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapGet("/{id}", Get)
            .WithName("GetIdea")
            .WithSummary("One idea")
            .WithDescription(
                "An idea with its `stage` (`discovery`, `research`, `pilot`, `servicePlanning`, `rollout`), `status` (`open`, " +
                "`declined`, `onHold`) and public `statusReason`, `voteCount`, the `operator` (`{kind: none|town|partner, partner}`), " +
                "KPIs with their measurements, accepted `partners`, and `nextStage` with `nextGate`: each condition of entering it as " +
                "`{code, met, field, values, detail}`. `applications` lists what the caller may see: accepted ones for everyone, pending " +
                "and declined ones only for facilitators and the applying partner. `votedByMe` and `followedByMe` are the caller's. Public.")
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        ideas.MapPatch("/{id}", Edit).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("EditIdea")
            .WithSummary("Reword an idea (facilitator)")
            .WithDescription(
                $"Replaces the idea's `title` (1–{IdeaRules.MaxTitleLength} characters), `summary` (Markdown, 1–{IdeaRules.MaxSummaryLength}) " +
                "and `category`, with the same rules as proposing. The change is public in the idea's timeline (`ideaEdited`). " +
                "Facilitators and admins only.")
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/advance", Advance).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("AdvanceIdea")
            .WithSummary("Move an idea to another stage (facilitator)")
            .WithDescription(
                "Moves an open idea one stage forward through that stage's gate, or one stage back, or reopens a closed idea in its " +
                $"stage (`toStage` = its current stage). Every move needs a `rationale` (判断理由, 1–{StageGate.MaxRationaleLength} " +
                $"characters) and may cite up to {StageGate.MaxEvidenceLinks} http(s) `evidence` links (根拠資料). Entering `pilot` needs an " +
                "operator and complete KPIs; entering `rollout` needs a measurement of every KPI. A refused gate is 409 `gateNotMet` " +
                "with every unmet condition in `missing: [{code, field, values, detail}]`. Facilitators and admins only.")
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/close", Close).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("CloseIdea")
            .WithSummary("Decline an idea or put it on hold (facilitator)")
            .WithDescription(
                $"Closes the idea as `declined` (見送り) or `onHold` (保留) with a public `reason` (1–{StageGate.MaxCloseReasonLength} " +
                "characters). The idea keeps its stage and history; an on-hold idea can be reopened with `advance`. Facilitators and admins only.")
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/votes", Vote).RequireAuthorization()
            .WithName("VoteIdea")
            .WithSummary("Vote for an idea (投票)")
            .WithDescription("Adds the caller's vote and returns `{voteCount}`. One per account: a repeat is 409 `alreadyVoted` and counts once. Signed in.")
            .Produces<VoteCountResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapDelete("/{id}/votes", WithdrawVote).RequireAuthorization()
            .WithName("WithdrawIdeaVote")
            .WithSummary("Withdraw your vote")
            .WithDescription("Withdraws the caller's vote and returns `{voteCount}`; 409 `notVoted` when the caller has none. Signed in.")
            .Produces<VoteCountResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id}/follow", Follow).RequireAuthorization()
            .WithName("FollowIdea")
            .WithSummary("Follow an idea")
            .WithDescription("The caller is told when the idea moves or changes. Following twice is fine (204 again). Signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapDelete("/{id}/follow", Unfollow).RequireAuthorization()
            .WithName("UnfollowIdea")
            .WithSummary("Stop following an idea")
            .WithDescription("Stops following; fine when the caller was not following. Signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapComments("idea", "Idea", (grains, id) => CommentThreads.For(grains, CommentItemKind.Idea, id));
        ideas.MapPost("/{id}/kpis", AddKpi).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("AddIdeaKpi")
            .WithSummary("Add a KPI to an idea (facilitator)")
            .WithDescription(
                $"Adds a key performance indicator: `name` (1–{IdeaRules.MaxKpiNameLength} characters), `unit` (1–{IdeaRules.MaxKpiUnitLength}), " +
                "and numbers `baseline` and `target` (optional while drafting; the pilot gate needs both). Not after rollout. Facilitators and admins only.")
            .Produces<KpiResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/kpis/{kpiId}/measurements", RecordMeasurement).RequireAuthorization()
            .WithName("RecordKpiMeasurement")
            .WithSummary("Record a KPI measurement")
            .WithDescription(
                "Records one measured `value` of a KPI on a `date` (`yyyy-MM-dd`, not in the future) with an optional `note` " +
                $"(up to {IdeaRules.MaxMeasurementNoteLength} characters). Facilitators, admins and members of a partner accepted on the idea.")
            .Produces<MeasurementResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/partner-applications", Apply).RequireAuthorization(AccountSchemes.PartnerPolicy)
            .WithName("ApplyAsPartner")
            .WithSummary("Apply to join an idea as a partner company")
            .WithDescription(
                $"A partner member applies for their organisation with a Markdown `proposal` (1–{IdeaRules.MaxProposalLength} characters) " +
                "while the idea is open in `research` or `pilot` (see `welcomesPartners`). Facilitators decide. Partner members only.")
            .Produces<PartnerApplicationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/partner-applications/{applicationId}/accept", AcceptApplication).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("AcceptPartnerApplication")
            .WithSummary("Accept a partner application (facilitator)")
            .WithDescription("Accepts a pending application: the partner joins the idea publicly and may then run the pilot and report measurements. Facilitators and admins only.")
            .Produces<PartnerApplicationResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/partner-applications/{applicationId}/decline", DeclineApplication).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("DeclinePartnerApplication")
            .WithSummary("Decline a partner application (facilitator)")
            .WithDescription($"Declines a pending application with a `reason` (1–{IdeaRules.MaxDecisionReasonLength} characters) for the applying partner. Facilitators and admins only.")
            .Produces<PartnerApplicationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ideas.MapPost("/{id}/operator", SetOperator).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("SetIdeaOperator")
            .WithSummary("Name who runs the pilot (facilitator)")
            .WithDescription("`operator` is `\"town\"` or the id of a partner accepted on this idea. Returns the idea. Facilitators and admins only.")
            .Produces<IdeaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> Propose(IdeaRequest? body, HttpContext context, IGrainFactory grains)
    {
        var key = PartnerEndpoints.IdempotencyKey(context);
        var repeatable = key is not null;
        var id = key is null ? Ids.New() : Ids.For("idea", Caller.Id!, key);
        var grain = grains.GetGrain<IIdeaGrain>(id);
        var result = await grain.ProposeAsync(body?.ToInput() ?? new IdeaInput(null, null, null));
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/ideas/{id}", await IdeaViews.Idea(result.Value!, context, grains));
        }

        // A repeated key is the same request arriving again: answer with what the first one created.
        if (repeatable && result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing)
        {
            return TypedResults.Ok(await IdeaViews.Idea(existing, context, grains));
        }

        return Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var idea = Ids.IsWellFormed(id) ? await grains.GetGrain<IIdeaGrain>(id).GetAsync() : null;
        return idea is null ? Problems.Create(context, "notFound") : TypedResults.Ok(await IdeaViews.Idea(idea, context, grains));
    }

    private static Task<IResult> Edit(string id, IdeaRequest? body, HttpContext context, IGrainFactory grains) =>
        IdeaCommand(id, context, grains, grain => grain.EditAsync(body?.ToInput() ?? new IdeaInput(null, null, null)));

    private static Task<IResult> Advance(string id, AdvanceRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(body?.ToStage))
        {
            return Task.FromResult(Problems.Create(context, "required", "toStage"));
        }

        if (!StageWireNames.TryParse(body.ToStage, out var stage))
        {
            return Task.FromResult(Problems.Create(context, "invalidValue", "toStage", Allowed(StageWireNames.All)));
        }

        return IdeaCommand(id, context, grains, grain => grain.AdvanceAsync(new AdvanceInput(stage, body.Rationale, body.Evidence)));
    }

    private static Task<IResult> Close(string id, CloseIdeaRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(body?.Status))
        {
            return Task.FromResult(Problems.Create(context, "required", "status"));
        }

        // "open" is a status but not one an idea is closed with: it gets the same answer as any other wrong value.
        if (!IdeaStatusWireNames.TryParse(body.Status, out var status) || status == IdeaStatus.Open)
        {
            return Task.FromResult(Problems.Create(context, "invalidValue", "status", Allowed(["declined", "onHold"])));
        }

        return IdeaCommand(id, context, grains, grain => grain.CloseAsync(status, body.Reason));
    }

    private static Task<IResult> SetOperator(string id, OperatorRequest? body, HttpContext context, IGrainFactory grains)
    {
        var value = body?.Operator;
        IdeaOperator? op = value switch
        {
            null or "" => null,
            "town" => IdeaOperator.Town,
            _ when Ids.IsWellFormed(value) => IdeaOperator.Partner(value),
            _ => null,
        };
        if (op is null)
        {
            return Task.FromResult(Problems.Create(context, string.IsNullOrEmpty(value) ? "required" : "invalidValue", "operator"));
        }

        return IdeaCommand(id, context, grains, grain => grain.SetOperatorAsync(op));
    }

    private static async Task<IResult> IdeaCommand(string id, HttpContext context, IGrainFactory grains, Func<IIdeaGrain, Task<CommandResult<IdeaDetails>>> command)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await command(grains.GetGrain<IIdeaGrain>(id));
        return result.Succeeded ? TypedResults.Ok(await IdeaViews.Idea(result.Value!, context, grains)) : Problems.From(context, result.Rejection!);
    }

    private static Task<IResult> Vote(string id, HttpContext context, IGrainFactory grains) =>
        Count(id, context, grains, grain => grain.VoteAsync());

    private static Task<IResult> WithdrawVote(string id, HttpContext context, IGrainFactory grains) =>
        Count(id, context, grains, grain => grain.WithdrawVoteAsync());

    private static async Task<IResult> Count(string id, HttpContext context, IGrainFactory grains, Func<IIdeaGrain, Task<CommandResult<int>>> change)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await change(grains.GetGrain<IIdeaGrain>(id));
        return result.Succeeded ? TypedResults.Ok(new VoteCountResponse(result.Value)) : Problems.From(context, result.Rejection!);
    }

    private static Task<IResult> Follow(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, grain => grain.FollowAsync());

    private static Task<IResult> Unfollow(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, grain => grain.UnfollowAsync());

    private static async Task<IResult> Command(string id, HttpContext context, IGrainFactory grains, Func<IIdeaGrain, Task<CommandResult>> command)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await command(grains.GetGrain<IIdeaGrain>(id));
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> AddKpi(string id, KpiRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await grains.GetGrain<IIdeaGrain>(id).AddKpiAsync(body?.ToInput() ?? new KpiInput(null, null, null, null));
        return result.Succeeded ? TypedResults.Created((string?)null, IdeaViews.Kpi(result.Value!)) : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> RecordMeasurement(string id, string kpiId, MeasurementRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(kpiId))
        {
            return Problems.Create(context, "notFound");
        }

        DateOnly? date = null;
        if (!string.IsNullOrEmpty(body?.Date))
        {
            if (!DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Problems.Create(context, "invalidValue", "date");
            }

            date = parsed;
        }

        var result = await grains.GetGrain<IIdeaGrain>(id).RecordMeasurementAsync(kpiId, new MeasurementInput(body?.Value, date, body?.Note));
        return result.Succeeded
            ? TypedResults.Created((string?)null, await IdeaViews.Measurement(result.Value!, new PersonNames(grains)))
            : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Apply(string id, PartnerApplicationRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await grains.GetGrain<IIdeaGrain>(id).ApplyAsPartnerAsync(body?.Proposal);
        return result.Succeeded
            ? TypedResults.Created((string?)null, await Application(result.Value!, grains))
            : Problems.From(context, result.Rejection!);
    }

    private static Task<IResult> AcceptApplication(string id, string applicationId, HttpContext context, IGrainFactory grains) =>
        Decide(id, applicationId, accept: true, reason: null, context, grains);

    private static Task<IResult> DeclineApplication(string id, string applicationId, ReasonRequest? body, HttpContext context, IGrainFactory grains) =>
        Decide(id, applicationId, accept: false, body?.Reason, context, grains);

    private static async Task<IResult> Decide(string id, string applicationId, bool accept, string? reason, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(applicationId))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await grains.GetGrain<IIdeaGrain>(id).DecideApplicationAsync(applicationId, accept, reason);
        return result.Succeeded ? TypedResults.Ok(await Application(result.Value!, grains)) : Problems.From(context, result.Rejection!);
    }

    private static async Task<PartnerApplicationResponse> Application(PartnerApplication application, IGrainFactory grains) =>
        await IdeaViews.Application(application, new PersonNames(grains), await IdeaViews.PartnerNames(grains));

    private static Dictionary<string, string> Allowed(IEnumerable<string> values) => new() { ["allowed"] = string.Join(", ", values) };
}
