using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Search;
using LivingLab.Storage;

namespace LivingLab.ReadModel.ChallengeList;

/// <summary>
/// challenge_list and the "challenge" search documents. A challenge stands in discovery until it is accepted; from then
/// on its stage is its idea's, so the idea's moves update it. Registered after <see cref="IdeaList.IdeaListProjection"/>:
/// acceptance reads the idea's stage from idea_list, which is then at least as far along the log as this projection.
/// </summary>
public sealed class ChallengeListProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "challenge-list";

    private static readonly string Discovery = StageWireNames.Format(Stage.Discovery);
    private static readonly string Accepted = ChallengeWireNames.Format(ChallengeStatus.Accepted);

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var kind = ItemKinds.Of(storedEvent.GrainType);
        if (kind == ItemKinds.Challenge)
        {
            await ApplyChallengeEventAsync(storedEvent, connection, transaction, cancellationToken);
        }
        else if (kind == ItemKinds.Idea)
        {
            await ApplyIdeaEventAsync(storedEvent, connection, transaction, cancellationToken);
        }
    }

    public async Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM challenge_list", cancellationToken);
        await ListComments.ResetAsync(ItemKinds.Challenge, connection, transaction, cancellationToken);
        await SearchIndex.RemoveKindAsync(connection, transaction, ItemKinds.Challenge, cancellationToken);
    }

    private static async Task ApplyChallengeEventAsync(StoredEvent e, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        switch (e.EventType)
        {
            case ChallengeEvents.Submitted:
                await SubmittedAsync(e, EventPayloads.Read<ChallengeSubmittedEvent>(e), connection, transaction, ct);
                break;

            case ChallengeEvents.Supported or ChallengeEvents.SupportWithdrawn:
                var support = EventPayloads.Read<ChallengeSupportEvent>(e);
                await ReadModelSql.ExecuteAsync(connection, transaction, "UPDATE challenge_list SET support_count = @count WHERE id = @id",
                    ct, ("count", support.SupportCount), ("id", support.ChallengeId));
                break;

            case ChallengeEvents.Accepted:
                var accepted = EventPayloads.Read<ChallengeAcceptedEvent>(e);
                // The idea may already have moved on when an existing idea is linked: take its stage as it is now.
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE challenge_list SET status = @status, idea_id = @idea, "
                    + "stage = COALESCE((SELECT i.stage FROM idea_list i WHERE i.id = @idea), @discovery) WHERE id = @id",
                    ct, ("status", Accepted), ("idea", accepted.IdeaId), ("discovery", Discovery), ("id", accepted.ChallengeId));
                break;

            case ChallengeEvents.Merged:
                var merged = EventPayloads.Read<ChallengeMergedEvent>(e);
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE challenge_list SET status = @status, merged_into_id = @into WHERE id = @id",
                    ct, ("status", ChallengeWireNames.Format(ChallengeStatus.Merged)), ("into", merged.IntoId), ("id", merged.ChallengeId));
                break;

            case ChallengeEvents.Absorbed:
                await AbsorbedAsync(EventPayloads.Read<ChallengeAbsorbedEvent>(e), connection, transaction, ct);
                break;

            case ChallengeEvents.Declined:
                var declined = EventPayloads.Read<ChallengeDeclinedEvent>(e);
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE challenge_list SET status = @status, decline_reason = @reason WHERE id = @id",
                    ct, ("status", ChallengeWireNames.Format(ChallengeStatus.Declined)), ("reason", declined.Reason), ("id", declined.ChallengeId));
                break;

            case CommentEvents.Posted or CommentEvents.Deleted or CommentEvents.Hidden:
                if (await ListComments.ApplyAsync(e, ItemKinds.Challenge, connection, transaction, ct) is { } comment)
                {
                    await CountCommentAsync(comment.ItemId, comment.Change, connection, transaction, ct);
                }

                break;
        }
    }

    private static async Task ApplyIdeaEventAsync(StoredEvent e, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        switch (e.EventType)
        {
            case IdeaEvents.Created when EventPayloads.Read<IdeaCreatedEvent>(e) is { ChallengeId: { } challengeId } created:
                await LinkAsync(challengeId, created.IdeaId, connection, transaction, ct);
                break;

            case IdeaEvents.ChallengeLinked:
                var linked = EventPayloads.Read<IdeaChallengeLinkedEvent>(e);
                await LinkAsync(linked.ChallengeId, linked.IdeaId, connection, transaction, ct);
                break;

            case IdeaEvents.Advanced:
                var advanced = EventPayloads.Read<IdeaAdvancedEvent>(e);
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE challenge_list SET stage = @stage WHERE idea_id = @idea AND status = @accepted",
                    ct, ("stage", advanced.To), ("idea", advanced.IdeaId), ("accepted", Accepted));
                break;
        }
    }

    private static async Task SubmittedAsync(
        StoredEvent e, ChallengeSubmittedEvent submitted, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        // DO NOTHING: applying the same submission again (an event seen twice) must not fail the whole batch.
        var inserted = await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO challenge_list (id, title, body, category, status, stage, idea_id, support_count, comment_count, absorbed_comments, "
            + "created_at, proxy_channel, place_text, latitude, longitude, merged_into_id, decline_reason) "
            + "VALUES (@id, @title, @body, @category, @status, @stage, NULL, 0, 0, 0, @created, @channel, @place, @lat, @lon, NULL, NULL) "
            + "ON CONFLICT (id) DO NOTHING",
            ct,
            ("id", submitted.ChallengeId),
            ("title", submitted.Title),
            ("body", submitted.Body),
            ("category", submitted.Category),
            ("status", ChallengeWireNames.Format(ChallengeStatus.Open)),
            ("stage", Discovery),
            ("created", ReadModelSql.Time(connection, e.OccurredAt)),
            ("channel", submitted.Proxy is { } proxy ? ChallengeWireNames.Format(proxy.Channel) : null),
            ("place", submitted.Place?.Text),
            ("lat", submitted.Place?.Latitude),
            ("lon", submitted.Place?.Longitude));
        if (inserted > 0)
        {
            var text = string.Join('\n', new[] { submitted.Title, submitted.Body, submitted.Place?.Text }.Where(t => !string.IsNullOrEmpty(t)));
            await SearchIndex.IndexAsync(connection, transaction, ItemKinds.Challenge, submitted.ChallengeId, text, ct);
        }
    }

    // The supporters and comments of the duplicate now count here (the event says how many); the duplicate keeps none,
    // so sorting by support does not show the same supporters twice. The comments came with new ids no event names.
    private static async Task AbsorbedAsync(ChallengeAbsorbedEvent absorbed, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "UPDATE challenge_list SET support_count = @supports, absorbed_comments = absorbed_comments + @comments - comment_count, "
            + "comment_count = @comments WHERE id = @id",
            ct, ("supports", absorbed.SupportCount), ("comments", absorbed.CommentCount), ("id", absorbed.ChallengeId));
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "UPDATE challenge_list SET support_count = 0, comment_count = 0, absorbed_comments = 0 WHERE id = @id", ct, ("id", absorbed.FromId));
    }

    private static Task LinkAsync(string challengeId, string ideaId, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        // The idea's events and the challenge's acceptance may come in either order; whichever comes second completes the link.
        ReadModelSql.ExecuteAsync(connection, transaction,
            "UPDATE challenge_list SET idea_id = COALESCE(idea_id, @idea), "
            + "stage = CASE WHEN status = @accepted THEN COALESCE((SELECT i.stage FROM idea_list i WHERE i.id = @idea), stage) ELSE stage END "
            + "WHERE id = @id",
            ct, ("idea", ideaId), ("accepted", Accepted), ("id", challengeId));

    private static Task CountCommentAsync(
        string challengeId, CommentCountChange change, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        change switch
        {
            CommentCountChange.Added => UpdateCommentsAsync("comment_count = comment_count + 1", "", challengeId, connection, transaction, ct),
            CommentCountChange.Removed => UpdateCommentsAsync("comment_count = comment_count - 1", "", challengeId, connection, transaction, ct),
            // An unnamed comment is one a merge brought in; while some of those are still counted as shown, this was one.
            // (Deleting one that was already hidden before the merge would count it off once too often: the events cannot tell.)
            CommentCountChange.RemovedUnnamed => UpdateCommentsAsync(
                "comment_count = comment_count - 1, absorbed_comments = absorbed_comments - 1", " AND absorbed_comments > 0", challengeId, connection, transaction, ct),
            _ => Task.CompletedTask,
        };

    private static Task UpdateCommentsAsync(
        string assignments, string condition, string challengeId, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        ReadModelSql.ExecuteAsync(connection, transaction, $"UPDATE challenge_list SET {assignments} WHERE id = @id{condition}", ct, ("id", challengeId));
}
