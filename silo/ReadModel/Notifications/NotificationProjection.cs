using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.Notifications;
using LivingLab.Storage;
using LivingLab.Workshops;

namespace LivingLab.ReadModel.Notifications;

/// <summary>
/// In-app notifications from the event log. Keeps each item's audience (author, supporters, voters, followers; a merged
/// challenge's audience joins the one it merged into) and tells it when the item's status or stage changes. An idea's
/// moves also reach the audiences of the challenges that led to it. A reply reaches the parent comment's author, a
/// partner application's decision its applicant. A workshop tells the person who got a freed seat, those who answered
/// its date poll when the date is fixed, and everyone registered or waiting when it is called off. Nobody hears of their
/// own action, and a muted item stays quiet.
/// Open pages learn of new notifications from <see cref="Live.LiveSignalFollower"/>, which reads this table on every node.
/// </summary>
public sealed class NotificationProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "notifications";

    private static readonly string InboxGrainType = typeof(INotificationInboxGrain).FullName!;

    private static readonly string WorkshopGrainType = typeof(IWorkshopGrain).FullName!;

    // An idea's audience, plus the audiences of the challenges linked to it.
    private const string IdeaAudience =
        "((a.item_kind = @itemKind AND a.item_id = @item) OR (a.item_kind = 'challenge' AND a.item_id IN "
        + "(SELECT l.challenge_id FROM notification_links l WHERE l.idea_id = @item)))";

    private const string OwnAudience = "(a.item_kind = @itemKind AND a.item_id = @item)";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var context = new Applying(storedEvent, connection, transaction, cancellationToken);
        if (storedEvent.GrainType == InboxGrainType)
        {
            await ApplyInboxEventAsync(context);
            return;
        }

        if (storedEvent.GrainType == WorkshopGrainType)
        {
            await ApplyWorkshopEventAsync(context);
            return;
        }

        switch (ItemKinds.Of(storedEvent.GrainType))
        {
            case ItemKinds.Challenge:
                await ApplyChallengeEventAsync(context);
                break;
            case ItemKinds.Idea:
                await ApplyIdeaEventAsync(context);
                break;
        }
    }

    public async Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "notifications", "notification_audience", "notification_links", "notification_mutes" })
        {
            await ReadModelSql.ExecuteAsync(connection, transaction, $"DELETE FROM {table}", cancellationToken);
        }
    }

    private async Task ApplyChallengeEventAsync(Applying a)
    {
        var e = a.Event;
        switch (e.EventType)
        {
            case ChallengeEvents.Submitted:
                var submitted = EventPayloads.Read<ChallengeSubmittedEvent>(e);
                await JoinAsync(a, ItemKinds.Challenge, submitted.ChallengeId, submitted.AuthorId, AudienceRoles.Author);
                break;
            case ChallengeEvents.Supported:
                await JoinAsync(a, ItemKinds.Challenge, EventPayloads.Read<ChallengeSupportEvent>(e).ChallengeId, e.ActorId, AudienceRoles.Supporter);
                break;
            case ChallengeEvents.SupportWithdrawn:
                await LeaveAsync(a, ItemKinds.Challenge, EventPayloads.Read<ChallengeSupportEvent>(e).ChallengeId, e.ActorId, AudienceRoles.Supporter);
                break;
            case ChallengeEvents.Followed:
                await JoinAsync(a, ItemKinds.Challenge, EventPayloads.Read<ChallengeFollowEvent>(e).ChallengeId, e.ActorId, AudienceRoles.Follower);
                break;
            case ChallengeEvents.Unfollowed:
                await LeaveAsync(a, ItemKinds.Challenge, EventPayloads.Read<ChallengeFollowEvent>(e).ChallengeId, e.ActorId, AudienceRoles.Follower);
                break;
            case ChallengeEvents.Accepted:
                var accepted = EventPayloads.Read<ChallengeAcceptedEvent>(e);
                await LinkAsync(a, accepted.IdeaId, accepted.ChallengeId);
                await TellAudienceAsync(a, ItemKinds.Challenge, accepted.ChallengeId, OwnAudience, NotificationKinds.ChallengeAccepted,
                    new { ideaId = accepted.IdeaId });
                break;
            case ChallengeEvents.Declined:
                var declined = EventPayloads.Read<ChallengeDeclinedEvent>(e);
                await TellAudienceAsync(a, ItemKinds.Challenge, declined.ChallengeId, OwnAudience, NotificationKinds.ChallengeDeclined,
                    new { reason = declined.Reason });
                break;
            case ChallengeEvents.Merged:
                var merged = EventPayloads.Read<ChallengeMergedEvent>(e);
                await TellAudienceAsync(a, ItemKinds.Challenge, merged.ChallengeId, OwnAudience, NotificationKinds.ChallengeMerged,
                    new { intoId = merged.IntoId });
                break;
            case ChallengeEvents.Absorbed:
                await AbsorbAsync(a, EventPayloads.Read<ChallengeAbsorbedEvent>(e));
                break;
            case CommentEvents.Posted:
                await ReplyAsync(a, ItemKinds.Challenge);
                break;
        }
    }

    private async Task ApplyIdeaEventAsync(Applying a)
    {
        var e = a.Event;
        switch (e.EventType)
        {
            case IdeaEvents.Created:
                var created = EventPayloads.Read<IdeaCreatedEvent>(e);
                await JoinAsync(a, ItemKinds.Idea, created.IdeaId, created.CreatedBy, AudienceRoles.Author);
                if (created.ChallengeId is { } challengeId)
                {
                    await LinkAsync(a, created.IdeaId, challengeId);
                }

                break;
            case IdeaEvents.ChallengeLinked:
                var linked = EventPayloads.Read<IdeaChallengeLinkedEvent>(e);
                await LinkAsync(a, linked.IdeaId, linked.ChallengeId);
                break;
            case IdeaEvents.Voted:
                await JoinAsync(a, ItemKinds.Idea, EventPayloads.Read<IdeaVoteEvent>(e).IdeaId, e.ActorId, AudienceRoles.Voter);
                break;
            case IdeaEvents.VoteWithdrawn:
                await LeaveAsync(a, ItemKinds.Idea, EventPayloads.Read<IdeaVoteEvent>(e).IdeaId, e.ActorId, AudienceRoles.Voter);
                break;
            case IdeaEvents.Followed:
                await JoinAsync(a, ItemKinds.Idea, EventPayloads.Read<IdeaFollowEvent>(e).IdeaId, e.ActorId, AudienceRoles.Follower);
                break;
            case IdeaEvents.Unfollowed:
                await LeaveAsync(a, ItemKinds.Idea, EventPayloads.Read<IdeaFollowEvent>(e).IdeaId, e.ActorId, AudienceRoles.Follower);
                break;
            case IdeaEvents.Advanced:
                var advanced = EventPayloads.Read<IdeaAdvancedEvent>(e);
                await TellAudienceAsync(a, ItemKinds.Idea, advanced.IdeaId, IdeaAudience, NotificationKinds.IdeaAdvanced,
                    new { from = advanced.From, to = advanced.To, reopened = advanced.Reopened });
                break;
            case IdeaEvents.Closed:
                var closed = EventPayloads.Read<IdeaClosedEvent>(e);
                await TellAudienceAsync(a, ItemKinds.Idea, closed.IdeaId, IdeaAudience, NotificationKinds.IdeaClosed,
                    new { stage = closed.Stage, status = closed.Status, reason = closed.Reason });
                break;
            case IdeaEvents.ApplicationDecided:
                var decided = EventPayloads.Read<PartnerApplicationDecidedEvent>(e);
                await TellPersonAsync(a, decided.ApplicantId, ItemKinds.Idea, decided.IdeaId, NotificationKinds.ApplicationDecided,
                    new { accepted = decided.Accepted, reason = decided.Reason });
                break;
            case CommentEvents.Posted:
                await ReplyAsync(a, ItemKinds.Idea);
                break;
        }
    }

    private async Task ApplyWorkshopEventAsync(Applying a)
    {
        var e = a.Event;
        switch (e.EventType)
        {
            case WorkshopEvents.Promoted:
                var promoted = EventPayloads.Read<WorkshopPromotedEvent>(e);
                if (promoted.PersonId is { } seated)
                {
                    await TellPersonAsync(a, seated, ItemKinds.Workshop, promoted.WorkshopId, NotificationKinds.WorkshopPromoted, new { });
                }

                break;
            case WorkshopEvents.Scheduled:
                var scheduled = EventPayloads.Read<WorkshopScheduledEvent>(e);
                foreach (var person in scheduled.AnsweredPersonIds.Distinct(StringComparer.Ordinal))
                {
                    await TellPersonAsync(a, person, ItemKinds.Workshop, scheduled.WorkshopId, NotificationKinds.WorkshopScheduled,
                        new { startsAt = scheduled.StartsAt, endsAt = scheduled.EndsAt });
                }

                break;
            case WorkshopEvents.Cancelled:
                var cancelled = EventPayloads.Read<WorkshopCancelledEvent>(e);
                foreach (var person in cancelled.RegisteredPersonIds.Distinct(StringComparer.Ordinal))
                {
                    await TellPersonAsync(a, person, ItemKinds.Workshop, cancelled.WorkshopId, NotificationKinds.WorkshopCancelled,
                        new { reason = cancelled.Reason });
                }

                break;
        }
    }

    private async Task ApplyInboxEventAsync(Applying a)
    {
        var e = a.Event;
        switch (e.EventType)
        {
            case NotificationEvents.ItemMuted:
                var muted = EventPayloads.Read<ItemMuteEvent>(e);
                await a.ExecuteAsync(
                    "INSERT INTO notification_mutes (person_id, item_kind, item_id) VALUES (@person, @kind, @item) ON CONFLICT DO NOTHING",
                    ("person", muted.PersonId), ("kind", muted.ItemKind), ("item", muted.ItemId));
                break;
            case NotificationEvents.ItemUnmuted:
                var unmuted = EventPayloads.Read<ItemMuteEvent>(e);
                await a.ExecuteAsync(
                    "DELETE FROM notification_mutes WHERE person_id = @person AND item_kind = @kind AND item_id = @item",
                    ("person", unmuted.PersonId), ("kind", unmuted.ItemKind), ("item", unmuted.ItemId));
                break;
            case NotificationEvents.Read:
                var read = EventPayloads.Read<NotificationReadEvent>(e);
                await a.ExecuteAsync(
                    "UPDATE notifications SET is_read = TRUE WHERE person_id = @person AND position = @id AND NOT is_read",
                    ("person", read.PersonId), ("id", read.NotificationId));

                break;
            case NotificationEvents.AllRead:
                var all = EventPayloads.Read<NotificationsAllReadEvent>(e);
                await a.ExecuteAsync(
                    "UPDATE notifications SET is_read = TRUE WHERE person_id = @person AND position <= @id AND NOT is_read",
                    ("person", all.PersonId), ("id", all.UpToId));

                break;
        }
    }

    private static Task JoinAsync(Applying a, string kind, string itemId, string? personId, string role) =>
        personId is null
            ? Task.CompletedTask
            : a.ExecuteAsync(
                "INSERT INTO notification_audience (item_kind, item_id, person_id, role, since) VALUES (@kind, @item, @person, @role, @at) "
                + "ON CONFLICT DO NOTHING",
                ("kind", kind), ("item", itemId), ("person", personId), ("role", role), ("at", a.Time));

    private static Task LeaveAsync(Applying a, string kind, string itemId, string? personId, string role) =>
        personId is null
            ? Task.CompletedTask
            : a.ExecuteAsync(
                "DELETE FROM notification_audience WHERE item_kind = @kind AND item_id = @item AND person_id = @person AND role = @role",
                ("kind", kind), ("item", itemId), ("person", personId), ("role", role));

    private static Task LinkAsync(Applying a, string ideaId, string challengeId) =>
        a.ExecuteAsync("INSERT INTO notification_links (idea_id, challenge_id) VALUES (@idea, @challenge) ON CONFLICT DO NOTHING",
            ("idea", ideaId), ("challenge", challengeId));

    // As the grain hands them over: supporters stay supporters; followers and the author follow the challenge merged into.
    private static Task AbsorbAsync(Applying a, ChallengeAbsorbedEvent absorbed) =>
        a.ExecuteAsync(
            "INSERT INTO notification_audience (item_kind, item_id, person_id, role, since) "
            + "SELECT DISTINCT a.item_kind, @into, a.person_id, CASE WHEN a.role = @supporter THEN @supporter ELSE @follower END, @at "
            + "FROM notification_audience a WHERE a.item_kind = @kind AND a.item_id = @from "
            + "ON CONFLICT DO NOTHING",
            ("into", absorbed.ChallengeId), ("supporter", AudienceRoles.Supporter), ("follower", AudienceRoles.Follower), ("at", a.Time),
            ("kind", ItemKinds.Challenge), ("from", absorbed.FromId));

    private Task ReplyAsync(Applying a, string kind)
    {
        var posted = EventPayloads.Read<CommentPostedEvent>(a.Event);
        return posted.ParentAuthorId is { } parentAuthor
            ? TellPersonAsync(a, parentAuthor, kind, posted.ItemId, NotificationKinds.Reply, new { commentId = posted.CommentId })
            : Task.CompletedTask;
    }

    private async Task TellAudienceAsync(Applying a, string itemKind, string itemId, string audience, string kind, object data)
    {
        // A person muting the idea hears nothing of it; one muting only a linked challenge still hears through the idea itself.
        var sql =
            "INSERT INTO notifications (person_id, position, item_kind, item_id, kind, actor_id, occurred_at, is_read, data) "
            + "SELECT DISTINCT a.person_id, @position, @itemKind, @item, @kind, @actor, @at, FALSE, @data "
            + $"FROM notification_audience a WHERE {audience} AND a.person_id <> @notActor "
            + "AND NOT EXISTS (SELECT 1 FROM notification_mutes m WHERE m.person_id = a.person_id AND "
            + "((m.item_kind = @itemKind AND m.item_id = @item) OR (m.item_kind = a.item_kind AND m.item_id = a.item_id))) "
            + "ON CONFLICT DO NOTHING";
        await a.ExecuteAsync(sql,
            ("position", a.Event.Position), ("itemKind", itemKind), ("item", itemId), ("kind", kind), ("actor", a.Event.ActorId),
            ("at", a.Time), ("data", EventPayloads.Write(data)), ("notActor", a.Event.ActorId ?? ""));
    }

    private async Task TellPersonAsync(Applying a, string personId, string itemKind, string itemId, string kind, object data)
    {
        if (personId == a.Event.ActorId)
        {
            return;
        }

        await using (var mute = a.Command(
            "SELECT 1 FROM notification_mutes WHERE person_id = @person AND item_kind = @itemKind AND item_id = @item",
            ("person", personId), ("itemKind", itemKind), ("item", itemId)))
        {
            if (await mute.ExecuteScalarAsync(a.CancellationToken) is not null)
            {
                return;
            }
        }

        await a.ExecuteAsync(
            "INSERT INTO notifications (person_id, position, item_kind, item_id, kind, actor_id, occurred_at, is_read, data) "
            + "VALUES (@person, @position, @itemKind, @item, @kind, @actor, @at, FALSE, @data) ON CONFLICT DO NOTHING",
            ("person", personId), ("position", a.Event.Position), ("itemKind", itemKind), ("item", itemId), ("kind", kind),
            ("actor", a.Event.ActorId), ("at", a.Time), ("data", EventPayloads.Write(data)));
    }

    /// <summary>One event being applied, with the runner's connection and transaction.</summary>
    private sealed record Applying(StoredEvent Event, DbConnection Connection, DbTransaction Transaction, CancellationToken CancellationToken)
    {
        public object Time => ReadModelSql.Time(Connection, Event.OccurredAt);

        public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
            DbCommands.Create(Connection, Transaction, sql, parameters);

        public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
            ReadModelSql.ExecuteAsync(Connection, Transaction, sql, CancellationToken, parameters);
    }
}
