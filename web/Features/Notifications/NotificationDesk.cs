using System.Security.Claims;
using LivingLab.Common;
using LivingLab.Notifications;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Notifications;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Notifications;

/// <summary>
/// What the header badge and the notifications page ask, always for the circuit's (or the request's) signed-in person:
/// their unread count and a page of notifications from the read model, read marks and mutes through their inbox grain,
/// and a watch on the node's <see cref="NotificationFeed"/>.
/// </summary>
public sealed class NotificationDesk(
    IGrainFactory grains,
    NotificationQueries queries,
    NotificationFeed feed,
    ProjectionRunner projections,
    AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in person's unread count, with the feed's mark taken before it was read; null when nobody is signed in.</summary>
    public async Task<UnreadState?> UnreadAsync()
    {
        if (AccountPrincipal.PersonId(await UserAsync()) is not { } me)
        {
            return null;
        }

        var (count, mark) = await feed.UnreadAsync(me);
        return new UnreadState(count, mark);
    }

    /// <summary>A page of the person's notifications with the names of the people who acted; null when nobody is signed in.</summary>
    public async Task<InboxPage?> PageAsync(int page, int pageSize)
    {
        if (AccountPrincipal.PersonId(await UserAsync()) is not { } me)
        {
            return null;
        }

        var mark = feed.Mark;
        var notifications = await queries.PageAsync(me, page, pageSize);
        return new InboxPage(notifications, await ActorNamesAsync(grains, notifications), mark);
    }

    /// <summary>Starts watching the signed-in person's notifications; null when nobody is signed in.</summary>
    public async Task<UnreadWatch?> WatchAsync(Func<UnreadChange, Task> changed) =>
        AccountPrincipal.PersonId(await UserAsync()) is { } me ? feed.Watch(me, changed) : null;

    /// <summary>Marks one notification read.</summary>
    public async Task<CommandResult> MarkReadAsync(long notificationId)
    {
        var user = await UserAsync();
        if (AccountPrincipal.PersonId(user) is not { } me)
        {
            return CommandResult.Reject("unauthenticated");
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAfter(await grains.GetGrain<INotificationInboxGrain>(me).MarkReadAsync(notificationId));
    }

    /// <summary>Marks every notification up to <paramref name="upToId"/> (the newest the page showed) read.</summary>
    public async Task<CommandResult> MarkAllReadAsync(long upToId)
    {
        var user = await UserAsync();
        if (AccountPrincipal.PersonId(user) is not { } me)
        {
            return CommandResult.Reject("unauthenticated");
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAfter(await grains.GetGrain<INotificationInboxGrain>(me).MarkAllReadAsync(upToId));
    }

    /// <summary>Mutes (or unmutes) the item a notification is about.</summary>
    public async Task<CommandResult> SetMutedAsync(string itemKind, string itemId, bool muted)
    {
        var user = await UserAsync();
        if (AccountPrincipal.PersonId(user) is not { } me)
        {
            return CommandResult.Reject("unauthenticated");
        }

        CallerContextMiddleware.SetCaller(user);
        var inbox = grains.GetGrain<INotificationInboxGrain>(me);
        return await CaughtUpAfter(muted ? await inbox.MuteAsync(itemKind, itemId) : await inbox.UnmuteAsync(itemKind, itemId));
    }

    /// <summary>Display names of the people who replied, for the notifications of <paramref name="page"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ActorNamesAsync(IGrainFactory grains, NotificationPage page)
    {
        var people = new PersonNames(grains);
        var actors = page.Items.Where(n => n.Kind == NotificationKinds.Reply && n.ActorId is not null).Select(n => n.ActorId!).Distinct().ToList();
        people.Prefetch(actors);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            found[actor] = (await people.Get(actor)).DisplayName;
        }

        return found;
    }

    // The page shows the read model: it must hold the change before the page reads it again.
    private async Task<CommandResult> CaughtUpAfter(CommandResult result)
    {
        if (result.Succeeded)
        {
            await projections.CatchUpAsync();
        }

        return result;
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}

/// <summary>The unread count the badge shows, and where the feed stood when it was read.</summary>
public sealed record UnreadState(int Count, UnreadMark Mark);

/// <summary>A page of notifications, the names of the people who acted, and where the feed stood when it was read.</summary>
public sealed record InboxPage(NotificationPage Notifications, IReadOnlyDictionary<string, string> Names, UnreadMark Mark);
