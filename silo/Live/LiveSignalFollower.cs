using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Notifications;
using LivingLab.ReadModel;
using LivingLab.Storage;

namespace LivingLab.Live;

/// <summary>
/// Notes in <see cref="LiveSignals"/> which live views each event touches (the pipeline board, the dashboard's counts)
/// and whose unread count it changed. A follower, not a projection: every node follows the log for its own open pages,
/// while the read models themselves are applied once for the cluster by whichever node's runner gets there first.
/// </summary>
public sealed class LiveSignalFollower(LiveSignals signals) : IEventFollower
{
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

    public async Task FollowAsync(IReadOnlyList<StoredEvent> events, DbConnection connection, CancellationToken cancellationToken)
    {
        if (events.Count == 0 || !signals.HasListeners)
        {
            return;
        }

        foreach (var storedEvent in events)
        {
            switch (storedEvent.EventType)
            {
                case NotificationEvents.Read:
                    signals.NoteUnread(storedEvent.Position, EventPayloads.Read<NotificationReadEvent>(storedEvent).PersonId);
                    continue;
                case NotificationEvents.AllRead:
                    signals.NoteUnread(storedEvent.Position, EventPayloads.Read<NotificationsAllReadEvent>(storedEvent).PersonId);
                    continue;
            }

            var kind = ItemKinds.Of(storedEvent.GrainType);
            if (kind is not null)
            {
                signals.NoteViews(
                    storedEvent.Position,
                    board: kind == ItemKinds.Idea && BoardEvents.Contains(storedEvent.EventType),
                    dashboard: DashboardEvents.Contains(storedEvent.EventType));
            }
        }

        // The people told: the notification read model already says who, under each event's position.
        await using var command = DbCommands.Create(connection, null,
            "SELECT person_id, position FROM notifications WHERE position > @after AND position <= @last");
        await using var reader = await command
            .With("after", events[0].Position - 1)
            .With("last", events[^1].Position)
            .ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            signals.NoteUnread(reader.GetInt64(1), reader.GetString(0));
        }
    }
}
