namespace LivingLab.Web.Features.Notifications;

/// <summary>Anchor type for the live badge's and inbox's strings (Resources/Features/Notifications/NotificationLiveText(.en).resx).</summary>
public sealed class NotificationLiveText;
