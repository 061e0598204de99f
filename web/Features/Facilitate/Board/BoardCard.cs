using LivingLab.Pipeline;

namespace LivingLab.Web.Features.Facilitate.Board;

/// <summary>An open idea as a card on the stage board; <paramref name="Operator"/> is "town", a partner id or null.</summary>
public sealed record BoardCard(string Id, string Title, Stage Stage, int VoteCount, string? Operator);

/// <summary>What the board shows: the open ideas and the partner names their operators need (kept across the prerender).</summary>
public sealed record BoardSnapshot(IReadOnlyList<BoardCard> Cards, IReadOnlyDictionary<string, string> Partners)
{
    /// <summary>A board with nothing on it (nobody on staff signed in).</summary>
    public static BoardSnapshot Empty { get; } = new([], new Dictionary<string, string>());
}
