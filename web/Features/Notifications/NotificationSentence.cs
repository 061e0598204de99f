using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Notifications;
using LivingLab.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Notifications;

/// <summary>
/// A notification in words: the sentence split around the item's title (which the page shows as a link), the public
/// reason when there is one, and a second link when the item now lives elsewhere (a merge).
/// </summary>
public sealed record NotificationSentence(string Before, string Title, string After, string Link, string? Reason, string? MergedInto)
{
    /// <summary>The page of a challenge ("challenge"), an idea ("idea") or a workshop ("workshop").</summary>
    public static string ItemLink(string kind, string id) => kind switch
    {
        ItemKinds.Idea => $"ideas/{id}",
        ItemKinds.Workshop => $"workshops/{id}",
        _ => $"challenges/{id}",
    };

    /// <summary>Words for <paramref name="item"/>; <paramref name="actorName"/> is who acted (for replies).</summary>
    public static NotificationSentence For(NotificationItem item, string actorName, IStringLocalizer<NotificationText> text, IStringLocalizer<SharedResource> shared)
    {
        var data = item.Data;
        string? reason = null;
        string? mergedInto = null;
        string key;
        var stage = "";
        var date = "";
        switch (item.Kind)
        {
            case NotificationKinds.IdeaAdvanced:
                var from = ReadStage(data, "from");
                var to = ReadStage(data, "to");
                key = data.TryGetProperty("reopened", out var reopened) && reopened.GetBoolean() ? "Kind.ideaReopened"
                    : to < from ? "Kind.ideaMovedBack"
                    : "Kind.ideaAdvanced";
                stage = shared[$"Stage.{to}"];
                break;
            case NotificationKinds.IdeaClosed:
                key = $"Kind.ideaClosed.{Text(data, "status")}";
                reason = Text(data, "reason");
                break;
            case NotificationKinds.ApplicationDecided:
                var accepted = data.TryGetProperty("accepted", out var flag) && flag.GetBoolean();
                key = accepted ? "Kind.applicationDecided.accepted" : "Kind.applicationDecided.declined";
                reason = Text(data, "reason");
                break;
            case NotificationKinds.ChallengeDeclined:
                key = "Kind.challengeDeclined";
                reason = Text(data, "reason");
                break;
            case NotificationKinds.ChallengeMerged:
                key = "Kind.challengeMerged";
                mergedInto = Text(data, "intoId");
                break;
            case NotificationKinds.WorkshopScheduled:
                key = "Kind.workshopScheduled";
                date = data.TryGetProperty("startsAt", out var startsAt) && startsAt.TryGetDateTimeOffset(out var starts)
                    ? LocalDate.Format(starts, withTime: true)
                    : "";
                break;
            case NotificationKinds.WorkshopCancelled:
                key = "Kind.workshopCancelled";
                reason = Text(data, "reason");
                break;
            default:
                key = $"Kind.{item.Kind}";
                break;
        }

        var template = text[key].Value.Replace("{stage}", stage, StringComparison.Ordinal).Replace("{actor}", actorName, StringComparison.Ordinal)
            .Replace("{date}", date, StringComparison.Ordinal);
        var at = template.IndexOf("{title}", StringComparison.Ordinal);
        var (before, after) = at < 0 ? (template, "") : (template[..at], template[(at + "{title}".Length)..]);
        return new NotificationSentence(before, item.ItemTitle ?? text["Untitled"], after, ItemLink(item.ItemKind, item.ItemId),
            string.IsNullOrWhiteSpace(reason) ? null : reason, mergedInto is null ? null : ItemLink(ItemKinds.Challenge, mergedInto));
    }

    private static string? Text(System.Text.Json.JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;

    private static Stage ReadStage(System.Text.Json.JsonElement data, string name) =>
        StageWireNames.TryParse(Text(data, name), out var stage) ? stage : Stage.Discovery;
}
