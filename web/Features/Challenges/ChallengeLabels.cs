using System.Globalization;
using LivingLab.Challenges;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Challenges;

/// <summary>The words for a challenge's status, proxy channel and category in the reader's language.</summary>
public static class ChallengeLabels
{
    /// <summary>A short status name (受付中, 検討中, 統合済み, 見送り).</summary>
    public static string Status(IStringLocalizer<ChallengeText> text, ChallengeStatus status) => text[$"Status.{ChallengeWireNames.Format(status)}"];

    /// <summary>How a proxy entry reached the staff (紙, 電話, 窓口, イベント).</summary>
    public static string Channel(IStringLocalizer<ChallengeText> text, ProxyChannel channel) => text[$"Channel.{ChallengeWireNames.Format(channel)}"];

    /// <summary>A category's name; an unknown id (an old export, a hand-edited store) shows as it is.</summary>
    public static string Category(string id) => Categories.Find(id)?.NameIn(CultureInfo.CurrentUICulture) ?? id;
}
