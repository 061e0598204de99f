using LivingLab.Common;

namespace LivingLab.Ideas;

/// <summary>How idea ids are chosen where a retry must reach the same idea.</summary>
public static class IdeaIds
{
    /// <summary>The id of the idea a challenge's acceptance creates: the same challenge always gets the same idea.</summary>
    public static string ForChallenge(string challengeId) => Ids.For("idea", "challenge", challengeId);
}
