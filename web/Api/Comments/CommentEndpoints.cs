using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.People;
using Orleans;
using LivingLab.Web.Api.Account;

namespace LivingLab.Web.Api.Comments;

/// <summary>The comment methods every item with a thread has (challenges, ideas), so one set of endpoints serves both.</summary>
public interface ICommentThread
{
    Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync();

    Task<CommandResult<CommentView>> CommentAsync(CommentInput input);

    Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body);

    Task<CommandResult> DeleteCommentAsync(string commentId);

    Task<CommandResult> HideCommentAsync(string commentId, string? reason);
}

/// <summary>
/// The thread endpoints under an item: <c>GET/POST {item}/comments</c>, <c>PATCH/DELETE {item}/comments/{commentId}</c>
/// and <c>POST {item}/comments/{commentId}/hide</c>. The grain applies the rules (one level of replies, the 15-minute
/// edit window, who may delete or hide); these endpoints check sign-in and roles first and shape the JSON.
/// </summary>
public static class CommentEndpoints
{
    /// <summary>Maps the thread endpoints on <paramref name="item"/>, a group whose route has an <c>{id}</c>.</summary>
    public static void MapComments(this RouteGroupBuilder item, string itemName, string operationPrefix, Func<IGrainFactory, string, ICommentThread> thread)
    {
        item.MapGet("/{id}/comments", (string id, int? page, int? pageSize, HttpContext context, IGrainFactory grains) => List(id, page, pageSize, context, grains, thread))
            .WithName($"List{operationPrefix}Comments")
            .WithSummary($"Comments on a {itemName}")
            .WithDescription(
                $"The {itemName}'s thread, oldest first, each reply right after its parent, as one list page (`pageSize` at most 100). " +
                "Authors are `{id, displayName}` (\"former member\" when the account is gone). A deleted comment keeps its place with " +
                "`body: null`; a hidden comment shows its public `hiddenReason` and `body: null` to everyone but facilitators and admins. Public.")
            .Produces<ListPage<CommentResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        item.MapPost("/{id}/comments", (string id, CommentRequest? body, HttpContext context, IGrainFactory grains) => Post(id, body, context, grains, thread))
            .RequireAuthorization()
            .WithName($"Comment{operationPrefix}")
            .WithSummary($"Comment on a {itemName}")
            .WithDescription(
                $"Adds a Markdown comment (1–{CommentRules.MaxBodyLength} characters) to the {itemName}, or a reply when `parentId` names a " +
                "top-level comment. Replies go one level deep: replying to a reply is refused. Signed in.")
            .Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        item.MapPatch("/{id}/comments/{commentId}", (string id, string commentId, CommentEditRequest? body, HttpContext context, IGrainFactory grains) =>
                Edit(id, commentId, body, context, grains, thread))
            .RequireAuthorization()
            .WithName($"Edit{operationPrefix}Comment")
            .WithSummary("Edit your comment")
            .WithDescription(
                "Replaces the text of the caller's own comment. Allowed for 15 minutes after posting (409 `editWindowClosed` after), " +
                "so replies keep their context.")
            .Produces<CommentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        item.MapDelete("/{id}/comments/{commentId}", (string id, string commentId, HttpContext context, IGrainFactory grains) =>
                Delete(id, commentId, context, grains, thread))
            .RequireAuthorization()
            .WithName($"Delete{operationPrefix}Comment")
            .WithSummary("Delete a comment")
            .WithDescription(
                "Deletes the caller's own comment (facilitators and admins may delete any). The comment keeps its place in the thread " +
                "without its text, so replies keep their context.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        item.MapPost("/{id}/comments/{commentId}/hide", (string id, string commentId, ReasonRequest? body, HttpContext context, IGrainFactory grains) =>
                Hide(id, commentId, body, context, grains, thread))
            .RequireAuthorization(AccountSchemes.FacilitatorPolicy)
            .WithName($"Hide{operationPrefix}Comment")
            .WithSummary("Hide a comment (facilitator)")
            .WithDescription(
                $"Hides a comment with a public `reason` (1–{CommentRules.MaxHideReasonLength} characters). Its text disappears from every " +
                "public response; the reason stays visible. Facilitators and admins only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> List(string id, int? page, int? pageSize, HttpContext context, IGrainFactory grains, Func<IGrainFactory, string, ICommentThread> thread)
    {
        if (!PageRequest.TryCreate(context, page, pageSize, out var request, out var problem))
        {
            return problem!;
        }

        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await thread(grains, id).GetCommentsAsync();
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        var slice = request.Of(result.Value!);
        var people = new PersonNames(grains).Prefetch(slice.Items.Select(c => c.AuthorId));
        var items = await Task.WhenAll(slice.Items.Select(c => CommentResponse.From(Public(c), people)));
        return TypedResults.Ok(new ListPage<CommentResponse>(items, slice.Total, slice.Page, slice.PageSize));
    }

    private static async Task<IResult> Post(string id, CommentRequest? body, HttpContext context, IGrainFactory grains, Func<IGrainFactory, string, ICommentThread> thread)
    {
        if (!Ids.IsWellFormed(id))
        {
            return Problems.Create(context, "notFound");
        }

        if (body?.ParentId is { } parent && !Ids.IsWellFormed(parent))
        {
            return Problems.Create(context, "invalidValue", "parentId");
        }

        var result = await thread(grains, id).CommentAsync(new CommentInput(body?.Body, body?.ParentId));
        return result.Succeeded
            ? TypedResults.Created((string?)null, await CommentResponse.From(result.Value!, new PersonNames(grains)))
            : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Edit(string id, string commentId, CommentEditRequest? body, HttpContext context, IGrainFactory grains, Func<IGrainFactory, string, ICommentThread> thread)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(commentId))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await thread(grains, id).EditCommentAsync(commentId, body?.Body);
        return result.Succeeded
            ? TypedResults.Ok(await CommentResponse.From(result.Value!, new PersonNames(grains)))
            : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Delete(string id, string commentId, HttpContext context, IGrainFactory grains, Func<IGrainFactory, string, ICommentThread> thread)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(commentId))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await thread(grains, id).DeleteCommentAsync(commentId);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Hide(string id, string commentId, ReasonRequest? body, HttpContext context, IGrainFactory grains, Func<IGrainFactory, string, ICommentThread> thread)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(commentId))
        {
            return Problems.Create(context, "notFound");
        }

        var result = await thread(grains, id).HideCommentAsync(commentId, body?.Reason);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(context, result.Rejection!);
    }

    // The grain already withholds hidden text from non-moderators; this second check keeps it out even if a grain forgets.
    private static CommentView Public(CommentView view) =>
        view.Status != CommentStatus.Visible && view.Body is not null && !(Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin)
            ? view with { Body = null }
            : view;
}
