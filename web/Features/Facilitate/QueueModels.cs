using LivingLab.Challenges;
using LivingLab.Pipeline;
using LivingLab.ReadModel.ChallengeList;

namespace LivingLab.Web.Features.Facilitate;

/// <summary>A challenge in the triage queue: what a facilitator needs to decide on it.</summary>
public sealed record TriageView(
    string Id, string Title, string Category, DateTimeOffset Created, int SupportCount, ProxyChannel? Proxy, string? PlaceText, ChallengeStatus Status)
{
    /// <summary>From the list read model.</summary>
    public static TriageView From(ChallengeListItem item) =>
        new(item.Id, item.Title, item.Category, item.Created, item.SupportCount, item.ProxyChannel, item.PlaceText, item.Status);

    /// <summary>From the grain (a challenge that already left the queue but whose form was just posted).</summary>
    public static TriageView From(ChallengeDetails details) =>
        new(details.Id, details.Title, details.Category, details.Created, details.SupportCount, details.Proxy?.Channel, details.Place?.Text, details.Status);
}

/// <summary>An open idea a challenge can be linked to, for the accept choice.</summary>
public sealed record IdeaOption(string Id, string Title, Stage Stage);

/// <summary>A challenge that a duplicate can be merged into, found by the merge search.</summary>
public sealed record MergeCandidate(string Id, string Title, int SupportCount, ChallengeStatus Status);
