using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Site;

/// <summary>The town this LivingLab serves: its name and welcome text. One grain per site, key "site".</summary>
[Alias("ll.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>The well-known key of the single site grain.</summary>
    public const string Key = "site";

    /// <summary>What the header and home page show.</summary>
    [ReadOnly]
    [Alias("GetInfo")]
    Task<SiteInfo> GetInfo();

    /// <summary>Sets the town's name and welcome text; refused when a field is empty or too long.</summary>
    [Alias("Update")]
    Task<CommandResult> Update(SiteInfo info, string actorId);
}

/// <summary>The town's name and welcome text in Japanese and English.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.SiteInfo")]
public sealed record SiteInfo(string TownNameJa, string TownNameEn, string WelcomeJa, string WelcomeEn)
{
    /// <summary>Shown until staff configure their town.</summary>
    public static SiteInfo Default { get; } = new(
        "みなと町",
        "Minato Town",
        "地域の課題を住民・職員・企業が一緒に見つけ、試し、サービスに育てる場所です。",
        "Residents, town staff and local companies find local issues together, try ideas out, and grow them into services.");
}
