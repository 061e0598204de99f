using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Api.Comments;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Components.Comments;

/// <summary>What the interactive comment thread asks of an item's grain, as the circuit's signed-in person.</summary>
public sealed class CommentParticipation(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>The thread as the reader may see it (the grain marks what they may still edit), with the authors' names.</summary>
    public async Task<CommentThreadSnapshot> LoadAsync(CommentItemKind kind, string itemId)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        CallerContextMiddleware.SetCaller(user);
        var result = await CommentThreads.For(grains, kind, itemId).GetCommentsAsync();
        var viewerId = AccountPrincipal.PersonId(user);
        var staff = user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Admin);
        if (!result.Succeeded)
        {
            return new CommentThreadSnapshot([], [], viewerId, staff, result.Rejection);
        }

        var comments = result.Value!.ToList();
        var authors = comments.Select(c => c.AuthorId).Distinct(StringComparer.Ordinal).ToList();
        var people = new PersonNames(grains).Prefetch(authors);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in authors)
        {
            names[id] = (await people.Get(id)).DisplayName;
        }

        return new CommentThreadSnapshot(comments, names, viewerId, staff, null);
    }

    /// <summary>Posts a comment (or, with <paramref name="parentId"/>, a reply), or returns the grain's refusal.</summary>
    public async Task<CommandResult<CommentView>> PostAsync(CommentItemKind kind, string itemId, string? body, string? parentId)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        return await CommentThreads.For(grains, kind, itemId).CommentAsync(new CommentInput(body, parentId));
    }
}

/// <summary>
/// A comment thread as one reader sees it: kept from the prerender to the circuit (<c>[PersistentState]</c>), so the
/// grain is asked once when the page opens.
/// </summary>
public sealed record CommentThreadSnapshot(
    List<CommentView> Comments,
    Dictionary<string, string> Names,
    string? ViewerId,
    bool ViewerIsStaff,
    Rejection? LoadError);
