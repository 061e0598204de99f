using System.Globalization;
using LivingLab.Common;
using LivingLab.Partners;
using LivingLab.Pipeline;
using Orleans;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Ideas;

/// <summary>How the idea-side pages name things: categories, statuses, operators, partners and numbers in the reader's language.</summary>
public static class IdeaDisplay
{
    /// <summary>The operator value the read model and events use for the town itself.</summary>
    public const string TownOperator = "town";

    /// <summary>The page address of an idea (relative to the base href).</summary>
    public static string Url(string ideaId) => $"ideas/{Uri.EscapeDataString(ideaId)}";

    /// <summary>The page address of a local issue (the challenge pages live with another feature).</summary>
    public static string ChallengeUrl(string challengeId) => $"challenges/{Uri.EscapeDataString(challengeId)}";

    /// <summary>A category's name in the current language (its id when unknown, which only a hand-edited store has).</summary>
    public static string CategoryName(string id) => Categories.Find(id)?.NameIn(CultureInfo.CurrentUICulture) ?? id;

    /// <summary>"見送り" or "保留" (or "進行中"), in the current language.</summary>
    public static string StatusName(IStringLocalizer<IdeasText> text, IdeaStatus status) => text[$"Status.{status}"];

    /// <summary>A KPI value as people write it: grouped thousands, at most two decimals, no trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentUICulture);

    /// <summary>A calendar date (a KPI measurement's) in the reader's language: 2026年1月5日 or 5 January 2026.</summary>
    public static string Date(DateOnly date) => IsJapanese
        ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
        : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A short date for a chart's axis: 2026/1/5 or 5 Jan 2026.</summary>
    public static string ShortDate(DateOnly date) => IsJapanese
        ? date.ToString("yyyy/M/d", CultureInfo.InvariantCulture)
        : date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Whether the page is in Japanese.</summary>
    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

    /// <summary>A number of days with one decimal at most.</summary>
    public static string Days(double value) => value.ToString("#,##0.#", CultureInfo.CurrentUICulture);

    /// <summary>
    /// Who runs an idea, as the read model and events say it ("town", a partner id, or nothing): the town, the partner's
    /// name from the directory, or null when nobody has been named.
    /// </summary>
    public static string? OperatorName(IStringLocalizer<IdeasText> text, string? op, IReadOnlyDictionary<string, string> partners) => op switch
    {
        null or "" => null,
        TownOperator => text["Operator.Town"],
        _ => PartnerName(text, op, partners),
    };

    /// <summary>The operator of an idea's details, as <see cref="OperatorName(IStringLocalizer{IdeasText}, string?, IReadOnlyDictionary{string, string})"/>.</summary>
    public static string? OperatorName(IStringLocalizer<IdeasText> text, IdeaOperator op, IReadOnlyDictionary<string, string> partners) => op.Kind switch
    {
        OperatorKind.Town => text["Operator.Town"],
        OperatorKind.Partner when op.PartnerId is { } id => PartnerName(text, id, partners),
        _ => null,
    };

    /// <summary>A partner's public name, or a neutral label for a partner no longer in the directory.</summary>
    public static string PartnerName(IStringLocalizer<IdeasText> text, string partnerId, IReadOnlyDictionary<string, string> partners) =>
        partners.TryGetValue(partnerId, out var name) ? name : text["UnknownPartner"];

    /// <summary>Every partner's public name by id, from the directory (one small list; see IPartnerDirectoryGrain).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PartnerNamesAsync(IGrainFactory grains)
    {
        var all = await grains.GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List();
        return all.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
    }

}
