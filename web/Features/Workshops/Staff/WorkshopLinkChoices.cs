using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>One challenge or idea a workshop may work on, as the form lists it.</summary>
public sealed record LinkChoice(string Id, string Title);

/// <summary>
/// What the form offers to link: the newest challenges and open ideas, plus those the workshop already links (so an
/// older one stays checked and is not dropped by saving). Checkboxes, not a search: a town has tens of each open, and
/// a list of checkboxes works without script and reads well to a screen reader.
/// </summary>
public sealed record WorkshopLinkChoices(IReadOnlyList<LinkChoice> Challenges, IReadOnlyList<LinkChoice> Ideas)
{
    /// <summary>How many of the newest of each the form lists.</summary>
    public const int Recent = 20;

    /// <summary>Nothing to link.</summary>
    public static readonly WorkshopLinkChoices None = new([], []);

    /// <summary>Reads the choices, adding <paramref name="linkedChallenges"/> and <paramref name="linkedIdeas"/> by their grains' titles.</summary>
    public static async Task<WorkshopLinkChoices> LoadAsync(
        ChallengeQueries challenges, IdeaQueries ideas, IGrainFactory grains, IReadOnlyList<string> linkedChallenges, IReadOnlyList<string> linkedIdeas)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(ideas);
        ArgumentNullException.ThrowIfNull(grains);
        var recentChallenges = (await challenges.ListAsync(new ChallengeListQuery(PageSize: Recent))).Value?.Items
            .Where(c => c.Status is ChallengeStatus.Open or ChallengeStatus.Accepted)
            .Select(c => new LinkChoice(c.Id, c.Title)).ToList() ?? [];
        var recentIdeas = (await ideas.ListAsync(new IdeaListQuery(Status: IdeaStatus.Open, PageSize: Recent))).Value?.Items
            .Select(i => new LinkChoice(i.Id, i.Title)).ToList() ?? [];
        foreach (var id in linkedChallenges.Where(id => recentChallenges.All(c => c.Id != id)))
        {
            recentChallenges.Add(new LinkChoice(id, (await grains.GetGrain<IChallengeGrain>(id).GetAsync())?.Title ?? id));
        }

        foreach (var id in linkedIdeas.Where(id => recentIdeas.All(i => i.Id != id)))
        {
            recentIdeas.Add(new LinkChoice(id, (await grains.GetGrain<IIdeaGrain>(id).GetAsync())?.Title ?? id));
        }

        return new WorkshopLinkChoices(recentChallenges, recentIdeas);
    }
}
