using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.ReadModel;
using LivingLab.Storage;

namespace LivingLab.Live;

/// <summary>
/// Writes nothing: notes which live views each event touches (the pipeline board, the dashboard's counts) in
/// <see cref="LiveSignals"/>. A projection of its own so that it sees every event exactly in log order, checkpointed
/// like the rest, without the other read models knowing about live pages.
/// </summary>
public sealed class LiveSignalProjection(LiveSignals signals) : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "live-signals";

    // What the board's cards show: stage, status, title, votes, operator, partners, linked challenges, comments.
    private static readonly HashSet<string> BoardEvents = new(StringComparer.Ordinal)
    {
        IdeaEvents.Created, IdeaEvents.Edited, IdeaEvents.Advanced, IdeaEvents.Closed, IdeaEvents.Voted, IdeaEvents.VoteWithdrawn, IdeaEvents.OperatorSet,
        IdeaEvents.ApplicationDecided, IdeaEvents.ChallengeLinked, IdeaEvents.KpiAdded,
        CommentEvents.Posted, CommentEvents.Deleted, CommentEvents.Hidden,
    };

    // What the dashboard counts: items per stage, time in stages, rollouts and KPI results.
    private static readonly HashSet<string> DashboardEvents = new(StringComparer.Ordinal)
    {
        ChallengeEvents.Submitted, ChallengeEvents.Accepted, ChallengeEvents.Merged, ChallengeEvents.Declined,
        IdeaEvents.Created, IdeaEvents.Edited, IdeaEvents.Advanced, IdeaEvents.Closed, IdeaEvents.ChallengeLinked, IdeaEvents.KpiAdded, IdeaEvents.KpiMeasured,
        IdeaEvents.OperatorSet,
    };

    public string Name => ProjectionName;

    public Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var kind = ItemKinds.Of(storedEvent.GrainType);
        if (kind is not null)
        {
            signals.NoteViews(
                storedEvent.Position,
                board: kind == ItemKinds.Idea && BoardEvents.Contains(storedEvent.EventType),
                dashboard: DashboardEvents.Contains(storedEvent.EventType));
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
