using LivingLab.Common;

namespace LivingLab.Notifications;

/// <summary>
/// A person's notification settings and read marks (お知らせ), keyed by the person's id. Only that person may change them.
/// Every change is an event, so the notification read model (silo/ReadModel/Notifications) stays rebuildable from
/// the log: muting an item stops its notifications from that point on; read marks apply to what was there.
/// </summary>
[Alias("ll.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    /// <summary>Stops notifications about one challenge or idea (<paramref name="itemKind"/> "challenge" or "idea"); muting twice is fine.</summary>
    [Alias("MuteAsync")]
    Task<CommandResult> MuteAsync(string itemKind, string itemId);

    /// <summary>Starts them again; fine when not muted.</summary>
    [Alias("UnmuteAsync")]
    Task<CommandResult> UnmuteAsync(string itemKind, string itemId);

    /// <summary>Marks one notification (its id is the position of the event it tells of) as read.</summary>
    [Alias("MarkReadAsync")]
    Task<CommandResult> MarkReadAsync(long notificationId);

    /// <summary>Marks every notification up to and including <paramref name="upToId"/> as read (the newest the person saw).</summary>
    [Alias("MarkAllReadAsync")]
    Task<CommandResult> MarkAllReadAsync(long upToId);
}

/// <summary>The events of a person's inbox (actor: the person). Private: no public timeline or export shows them.</summary>
public static class NotificationEvents
{
    public const string ItemMuted = "ItemMuted";
    public const string ItemUnmuted = "ItemUnmuted";
    public const string Read = "NotificationRead";
    public const string AllRead = "NotificationsAllRead";
}

/// <summary>ItemMuted / ItemUnmuted: whose inbox and which item.</summary>
public sealed record ItemMuteEvent(string PersonId, string ItemKind, string ItemId);

/// <summary>NotificationRead: one notification, by its id.</summary>
public sealed record NotificationReadEvent(string PersonId, long NotificationId);

/// <summary>NotificationsAllRead: every notification up to and including this id.</summary>
public sealed record NotificationsAllReadEvent(string PersonId, long UpToId);
