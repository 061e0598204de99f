using LivingLab.Challenges;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel.ChallengeList;

/// <summary>The order of a challenge list.</summary>
public enum ChallengeSort
{
    /// <summary>Newest first (the default).</summary>
    Newest,

    /// <summary>Most supporters first, then newest.</summary>
    Supported,

    /// <summary>Oldest first: the facilitator's triage queue, so nobody's issue waits behind newer ones.</summary>
    Oldest,
}

/// <summary>
/// What a challenge list asks for: every filter is optional and they combine (AND). <see cref="Text"/> is free text;
/// each of its words must occur in the title, body or place.
/// </summary>
public sealed record ChallengeListQuery(
    Stage? Stage = null,
    string? Category = null,
    ChallengeStatus? Status = null,
    string? Text = null,
    ChallengeSort Sort = ChallengeSort.Newest,
    int Page = 1,
    int PageSize = 20);
