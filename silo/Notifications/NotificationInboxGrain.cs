using LivingLab.Common;
using LivingLab.People;
using LivingLab.Rows;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Notifications;

/// <summary>
/// A person's mutes and read marks. The muted items are rows (one per item), so a long list of mutes never makes a
/// write bigger; the read marks live only in the events and the read model.
/// </summary>
public sealed class NotificationInboxGrain(
    [EventedState("inbox")] IEventedState<NotificationInboxState> state) : Grain, INotificationInboxGrain
{
    private static readonly HashSet<string> ItemKinds = new(StringComparer.Ordinal) { "challenge", "idea", "workshop" };

    private readonly StateCommitter<NotificationInboxState> committer = new(state);
    private readonly MemberSet muted = new("muted");

    private string PersonId => this.GetPrimaryKeyString();

    public async Task<CommandResult> MuteAsync(string itemKind, string itemId)
    {
        if (Check(itemKind, itemId) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await muted.AddAsync(state, MuteKey(itemKind, itemId), DateTimeOffset.UnixEpoch) is { } row)
        {
            state.State.MutedCount++;
            await committer.CommitAsync([Event(NotificationEvents.ItemMuted, new ItemMuteEvent(PersonId, itemKind, itemId))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> UnmuteAsync(string itemKind, string itemId)
    {
        if (Check(itemKind, itemId) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await muted.RemoveAsync(state, MuteKey(itemKind, itemId)) is { } row)
        {
            state.State.MutedCount--;
            await committer.CommitAsync([Event(NotificationEvents.ItemUnmuted, new ItemMuteEvent(PersonId, itemKind, itemId))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> MarkReadAsync(long notificationId)
    {
        if ((CheckOwner() ?? CheckId(notificationId)) is { } refused)
        {
            return new CommandResult(refused);
        }

        // Marking twice changes nothing in the read model, so there is nothing to guard here.
        await committer.CommitAsync([Event(NotificationEvents.Read, new NotificationReadEvent(PersonId, notificationId))]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> MarkAllReadAsync(long upToId)
    {
        if ((CheckOwner() ?? CheckId(upToId)) is { } refused)
        {
            return new CommandResult(refused);
        }

        // No watermark is kept here: an id from a later page must still work after a larger one was sent by mistake.
        await committer.CommitAsync([Event(NotificationEvents.AllRead, new NotificationsAllReadEvent(PersonId, upToId))]);
        return CommandResult.Ok;
    }

    private Rejection? CheckOwner() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !Caller.Is(PersonId) ? new Rejection("forbidden")
        : null;

    private Rejection? Check(string itemKind, string itemId) =>
        CheckOwner()
        ?? (ItemKinds.Contains(itemKind) && Ids.IsWellFormed(itemId) ? null : new Rejection("notFound"));

    private static Rejection? CheckId(long id) => id > 0 ? null : new Rejection("notFound");

    private static string MuteKey(string itemKind, string itemId) => $"{itemKind}:{itemId}";

    private static DomainEvent Event(string type, object data) => new(type, data, Caller.Id);
}

/// <summary>Stored state of an inbox. Version 1; the muted items themselves are rows.</summary>
public sealed class NotificationInboxState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>How many items are muted (the rows hold which).</summary>
    public int MutedCount { get; set; }
}
