using LivingLab.Challenges;
using LivingLab.Ideas;

namespace LivingLab.ReadModel;

/// <summary>The kinds of public items read models index, as stored in search, timeline and comment rows.</summary>
public static class ItemKinds
{
    public const string Challenge = "challenge";
    public const string Idea = "idea";

    /// <summary>
    /// A workshop, as notifications and mutes name it. Not one of <see cref="Of"/>'s kinds: search, timelines and comments
    /// index challenges and ideas only.
    /// </summary>
    public const string Workshop = "workshop";

    /// <summary>The grain type the runtime stores a challenge's events under (the grain interface's full name).</summary>
    public static readonly string ChallengeGrainType = typeof(IChallengeGrain).FullName!;

    /// <summary>The grain type the runtime stores an idea's events under.</summary>
    public static readonly string IdeaGrainType = typeof(IIdeaGrain).FullName!;

    /// <summary>
    /// The kind of item an event belongs to, from its grain type; null for other grains. Comment events are the same on
    /// every item, so only the grain type tells a challenge's comment from an idea's.
    /// </summary>
    public static string? Of(string grainType) =>
        grainType == ChallengeGrainType ? Challenge : grainType == IdeaGrainType ? Idea : null;
}
