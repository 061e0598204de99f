namespace LivingLab.Web.Features.Notifications;

/// <summary>Anchor type for the notification strings (Resources/Features/Notifications/NotificationText(.en).resx).</summary>
public sealed class NotificationText;
