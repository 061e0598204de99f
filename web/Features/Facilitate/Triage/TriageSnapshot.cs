namespace LivingLab.Web.Features.Facilitate.Triage;

/// <summary>
/// What the triage grid shows: the challenges awaiting triage (oldest first, at most <see cref="TriageDesk.MaxRows"/>),
/// how many wait in all, and the open ideas the accept choice offers. Kept across the prerender.
/// </summary>
public sealed record TriageSnapshot(IReadOnlyList<TriageView> Rows, int Total, IReadOnlyList<IdeaOption> OpenIdeas)
{
    /// <summary>Nothing to triage (nobody on staff signed in).</summary>
    public static TriageSnapshot Empty { get; } = new([], 0, []);
}

/// <summary>What a triage dialog did, for the grid to take the row out and say so with a link to what it led to.</summary>
/// <param name="Done">The static notice's key: accepted, linked, merged or declinedChallenge.</param>
/// <param name="ChallengeId">The decided challenge.</param>
/// <param name="Target">The idea it became or joined, or the challenge it was merged into; null when declined.</param>
public sealed record TriageOutcome(string Done, string ChallengeId, string? Target);
