using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.People;
using Orleans;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Api.Comments;
using LivingLab.Web.Api.Partners;

namespace LivingLab.Web.Api.Challenges;

/// <summary>
/// Local issues (地域の課題): <c>/api/challenges</c>. Anyone reads; signed-in people post, support, follow and comment;
/// facilitators enter on behalf of residents, moderate and decide. Roles are checked here and again in the grain.
/// </summary>
public static class ChallengeEndpoints
{
    /// <summary>Maps the challenge endpoints (the list and search live with the read endpoints).</summary>
    public static IEndpointRouteBuilder MapChallengeApi(this IEndpointRouteBuilder app)
    {
        var challenges = app.MapGroup("/api/challenges").WithTags("Challenges");
        challenges.MapPost("/", Submit).RequireAuthorization()
            .WithName("SubmitChallenge")
            .WithSummary("Post a local issue")
            .WithDescription(
                $"Posts a local issue as the caller: `title` (1–{ChallengeRules.MaxTitleLength} characters, one line), `body` (Markdown, " +
                $"1–{ChallengeRules.MaxBodyLength}), `category` (an id from `GET /api/categories`) and an optional `place` with `text` " +
                "and/or `latitude` and `longitude` (both or neither). Text is stored as written (trimmed). Send an `Idempotency-Key` " +
                "header to make the request safe to repeat: the same key from the same person answers 200 with the challenge the first " +
                "request created. Signed in.")
            .Produces<ChallengeResponse>(StatusCodes.Status201Created)
            .Produces<ChallengeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        challenges.MapPost("/proxy", SubmitOnBehalf).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("SubmitChallengeOnBehalf")
            .WithSummary("Enter a local issue for a resident (facilitator)")
            .WithDescription(
                "代理入力: a facilitator enters an issue that reached the town on paper, by phone, at the counter or at an event, for a " +
                "person without a device. The same fields as a post, plus `channel` (`paper`, `phone`, `counter` or `event`) and an " +
                $"optional public description of the person in `onBehalfOf` (up to {ChallengeRules.MaxOnBehalfOfLength} characters, e.g. " +
                "\"a resident in her 70s\"; never a real name unless the person asked). The challenge shows the proxy entry publicly. " +
                "Accepts `Idempotency-Key` like a post. Facilitators and admins only.")
            .Produces<ChallengeResponse>(StatusCodes.Status201Created)
            .Produces<ChallengeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        challenges.MapGet("/{id}", Get)
            .WithName("GetChallenge")
            .WithSummary("One local issue")
            .WithDescription(
                "A challenge with its status (`open`, `accepted`, `merged`, `declined`), `supportCount`, the author as `{id, displayName}` " +
                "(\"former member\" when the account is gone), the public proxy mark `{channel, onBehalfOf}` when staff entered it, the " +
                "`ideaId` it was accepted into, and for the caller `supportedByMe` and `followedByMe`. A merged duplicate still answers " +
                "200 with its own data and `mergedIntoId`: clients should redirect there, where its supporters and comments now are. Public.")
            .Produces<ChallengeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        challenges.MapPost("/{id}/support", Support).RequireAuthorization()
            .WithName("SupportChallenge")
            .WithSummary("Support a local issue (応援する)")
            .WithDescription("Adds the caller's support and returns `{supportCount}`. One per account: a repeat, however many arrive at once, is 409 `alreadySupported` and counts once. Signed in.")
            .Produces<SupportCountResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        challenges.MapDelete("/{id}/support", WithdrawSupport).RequireAuthorization()
            .WithName("WithdrawChallengeSupport")
            .WithSummary("Withdraw your support")
            .WithDescription("Withdraws the caller's support and returns `{supportCount}`; 409 `notSupported` when the caller has none. Signed in.")
            .Produces<SupportCountResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        challenges.MapPost("/{id}/follow", Follow).RequireAuthorization()
            .WithName("FollowChallenge")
            .WithSummary("Follow a local issue")
            .WithDescription("The caller is told about changes to the challenge. Following twice is fine (204 again). Signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        challenges.MapDelete("/{id}/follow", Unfollow).RequireAuthorization()
            .WithName("UnfollowChallenge")
            .WithSummary("Stop following a local issue")
            .WithDescription("Stops following; fine when the caller was not following. Signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        challenges.MapComments("local issue", "Challenge", (grains, id) => CommentThreads.For(grains, CommentItemKind.Challenge, id));
        challenges.MapPost("/{id}/accept", Accept).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("AcceptChallenge")
            .WithSummary("Accept a local issue into the pipeline (facilitator)")
            .WithDescription(
                "Accepts an open challenge: without a body (or with `ideaId: null`) a new idea is created from it in `discovery`; " +
                "with `ideaId` the challenge joins that existing idea (404 with `field: ideaId` when there is no such idea). Returns `{ideaId}`. " +
                "Only an open challenge can be accepted (409 `notOpen`). Facilitators and admins only.")
            .Produces<AcceptChallengeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        challenges.MapPost("/{id}/merge", Merge).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("MergeChallenge")
            .WithSummary("Merge a duplicate local issue (facilitator)")
            .WithDescription(
                "Merges this challenge into `intoId`: that challenge gets every supporter once, every follower and every comment, and " +
                "this one answers with `mergedIntoId` from then on. 404 with `field: intoId` when there is no such challenge, 409 " +
                "`targetClosed` when it was itself merged or declined, 400 `mergeIntoSelf`. Facilitators and admins only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        challenges.MapPost("/{id}/decline", Decline).RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName("DeclineChallenge")
            .WithSummary("Decline a local issue (facilitator)")
            .WithDescription(
                $"Declines an open challenge with a public `reason` (1–{ChallengeRules.MaxReasonLength} characters), which stays on the " +
                "challenge for everyone to read. Facilitators and admins only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static Task<IResult> Submit(ChallengeRequest? body, HttpContext context, IGrainFactory grains) =>
        Create(context, grains, "challenge", grain => grain.SubmitAsync(body?.ToInput() ?? new ChallengeInput(null, null, null)));

    private static Task<IResult> SubmitOnBehalf(ProxyChallengeRequest? body, HttpContext context, IGrainFactory grains)
    {
        ProxyChannel? channel = null;
        if (!string.IsNullOrEmpty(body?.Channel))
        {
            if (!ChallengeWireNames.TryParseChannel(body.Channel, out var parsed))
            {
                return Task.FromResult(Problems.Create(context, "invalidValue", "channel", new Dictionary<string, string> { ["allowed"] = string.Join(", ", ChallengeWireNames.Channels) }));
            }

            channel = parsed;
        }

        var input = body?.ToInput() ?? new ChallengeInput(null, null, null);
        return Create(context, grains, "challenge-proxy", grain => grain.SubmitOnBehalfAsync(input, new ProxyEntryInput(channel, body?.OnBehalfOf)));
    }

    // kind keeps the two create endpoints' ids apart, so one key sent to both never answers with the other's challenge.
    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains, string kind, Func<IChallengeGrain, Task<CommandResult<ChallengeDetails>>> submit)
    {
        var key = PartnerEndpoints.IdempotencyKey(context);
        var repeatable = key is not null;
        var id = key is null ? Ids.New() : Ids.For(kind, Caller.Id!, key);
        var grain = grains.GetGrain<IChallengeGrain>(id);
        var result = await submit(grain);
        var people = new PersonNames(grains);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/challenges/{id}", await ChallengeResponse.From(result.Value!, people));
        }

        // A repeated key is the same request arriving again: answer with what the first one created.
        if (repeatable && result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing)
        {
            return TypedResults.Ok(await ChallengeResponse.From(existing, people));
        }

        return Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var challenge = Ids.IsWellFormed(id) ? await grains.GetGrain<IChallengeGrain>(id).GetAsync() : null;
        return challenge is null
            ? Problems.Create(context, "notFound")
            : TypedResults.Ok(await ChallengeResponse.From(challenge, new PersonNames(grains)));
    }

    private static Task<IResult> Support(string id, HttpContext context, IGrainFactory grains) =>
        Count(id, context, grains, grain => grain.SupportAsync());

    private static Task<IResult> WithdrawSupport(string id, HttpContext context, IGrainFactory grains) =>
        Count(id, context, grains, grain => grain.WithdrawSupportAsync());

    private static async Task<IResult> Count(string id, HttpContext context, IGrainFactory grains, Func<IChallengeGrain, Task<CommandResult<int>>> change)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await change(grains.GetGrain<IChallengeGrain>(id));
        return result.Succeeded ? TypedResults.Ok(new SupportCountResponse(result.Value)) : Problems.From(context, result.Rejection!);
    }

    private static Task<IResult> Follow(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, grain => grain.FollowAsync());

    private static Task<IResult> Unfollow(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, grain => grain.UnfollowAsync());

    private static async Task<IResult> Accept(string id, AcceptChallengeRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        if (body?.IdeaId is { } ideaId && !Ids.IsWellFormed(ideaId))
        {
            return Problems.Create(context, "invalidValue", "ideaId");
        }

        var result = await grains.GetGrain<IChallengeGrain>(id).AcceptAsync(body?.IdeaId);
        return result.Succeeded ? TypedResults.Ok(new AcceptChallengeResponse(result.Value!)) : Problems.From(context, result.Rejection!);
    }

    private static Task<IResult> Merge(string id, MergeChallengeRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(body?.IntoId))
        {
            return Task.FromResult(Problems.Create(context, "required", "intoId"));
        }

        if (!Ids.IsWellFormed(body.IntoId))
        {
            return Task.FromResult(Problems.Create(context, "invalidValue", "intoId"));
        }

        return Command(id, context, grains, grain => grain.MergeAsync(body.IntoId));
    }

    private static Task<IResult> Decline(string id, ReasonRequest? body, HttpContext context, IGrainFactory grains) =>
        Command(id, context, grains, grain => grain.DeclineAsync(body?.Reason));

    private static async Task<IResult> Command(string id, HttpContext context, IGrainFactory grains, Func<IChallengeGrain, Task<CommandResult>> command)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await command(grains.GetGrain<IChallengeGrain>(id));
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(context, result.Rejection!);
    }
}
