using LivingLab.Ideas;
using LivingLab.ReadModel.Timeline;

namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>
/// The idea as an island of its panel shows it, with partner and person names by id and its latest decisions from the
/// public timeline, oldest first (kept across prerender and circuit).
/// </summary>
public sealed record PanelSnapshot(IdeaDetails Idea, IReadOnlyDictionary<string, string> Partners, IReadOnlyDictionary<string, string> People,
    IReadOnlyList<TimelineEntry>? Decisions = null)
{
    /// <summary>A person's display name, or the former-member label.</summary>
    public string Person(string id) => People.GetValueOrDefault(id) ?? LivingLab.Web.Api.PersonNames.FormerMemberName();

    /// <summary>A partner company's name, or its id when the directory no longer has it.</summary>
    public string Partner(string id) => Partners.GetValueOrDefault(id) ?? id;
}
