using System.Data.Common;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Search;
using LivingLab.Storage;

namespace LivingLab.ReadModel.IdeaList;

/// <summary>idea_list and the "idea" search documents (title and summary), from the idea events.</summary>
public sealed class IdeaListProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "idea-list";

    private static readonly string Open = IdeaStatusWireNames.Format(IdeaStatus.Open);

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (ItemKinds.Of(storedEvent.GrainType) != ItemKinds.Idea)
        {
            return;
        }

        var e = storedEvent;
        var ct = cancellationToken;
        switch (e.EventType)
        {
            case IdeaEvents.Created:
                await CreatedAsync(e, EventPayloads.Read<IdeaCreatedEvent>(e), connection, transaction, ct);
                break;

            case IdeaEvents.Edited:
                var edited = EventPayloads.Read<IdeaEditedEvent>(e);
                await UpdateAsync("title = @title, summary = @summary, category = @category", edited.IdeaId, connection, transaction, ct,
                    ("title", edited.Title), ("summary", edited.Summary), ("category", edited.Category));
                await SearchIndex.IndexAsync(connection, transaction, ItemKinds.Idea, edited.IdeaId, edited.Title + "\n" + edited.Summary, ct);
                break;

            case IdeaEvents.ChallengeLinked:
                var linked = EventPayloads.Read<IdeaChallengeLinkedEvent>(e);
                await UpdateAsync("challenge_count = challenge_count + 1", linked.IdeaId, connection, transaction, ct);
                break;

            case IdeaEvents.Advanced:
                var advanced = EventPayloads.Read<IdeaAdvancedEvent>(e);
                // A reopening stays in its stage, and the stage's clock keeps running from when it was entered.
                var moved = advanced.From != advanced.To;
                (string, object?)[] values = [("stage", advanced.To), ("status", Open), ("welcomes", WelcomesPartners(advanced.To, Open))];
                await UpdateAsync(
                    "stage = @stage, status = @status, status_reason = NULL, welcomes_partners = @welcomes" + (moved ? ", stage_entered_at = @at" : ""),
                    advanced.IdeaId, connection, transaction, ct,
                    moved ? [.. values, ("at", ReadModelSql.Time(connection, e.OccurredAt))] : values);
                break;

            case IdeaEvents.Closed:
                var closed = EventPayloads.Read<IdeaClosedEvent>(e);
                await UpdateAsync("status = @status, status_reason = @reason, welcomes_partners = @welcomes", closed.IdeaId, connection, transaction, ct,
                    ("status", closed.Status), ("reason", closed.Reason), ("welcomes", false));
                break;

            case IdeaEvents.Voted or IdeaEvents.VoteWithdrawn:
                var vote = EventPayloads.Read<IdeaVoteEvent>(e);
                await UpdateAsync("vote_count = @count", vote.IdeaId, connection, transaction, ct, ("count", vote.VoteCount));
                break;

            case IdeaEvents.KpiAdded:
                await UpdateAsync("kpi_count = kpi_count + 1", EventPayloads.Read<KpiAddedEvent>(e).IdeaId, connection, transaction, ct);
                break;

            case IdeaEvents.ApplicationDecided when EventPayloads.Read<PartnerApplicationDecidedEvent>(e) is { Accepted: true } decided:
                await UpdateAsync("accepted_partner_count = accepted_partner_count + 1", decided.IdeaId, connection, transaction, ct);
                break;

            case IdeaEvents.OperatorSet:
                var op = EventPayloads.Read<OperatorSetEvent>(e);
                await UpdateAsync("operator = @operator", op.IdeaId, connection, transaction, ct, ("operator", op.Operator));
                break;

            case CommentEvents.Posted or CommentEvents.Deleted or CommentEvents.Hidden:
                // Ideas never take in a merged thread, so a comment no event named has nothing to count.
                if (await ListComments.ApplyAsync(e, ItemKinds.Idea, connection, transaction, ct) is { Change: CommentCountChange.Added or CommentCountChange.Removed } comment)
                {
                    var delta = comment.Change == CommentCountChange.Added ? "+ 1" : "- 1";
                    await UpdateAsync($"comment_count = comment_count {delta}", comment.ItemId, connection, transaction, ct);
                }

                break;
        }
    }

    public async Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM idea_list", cancellationToken);
        await ListComments.ResetAsync(ItemKinds.Idea, connection, transaction, cancellationToken);
        await SearchIndex.RemoveKindAsync(connection, transaction, ItemKinds.Idea, cancellationToken);
    }

    /// <summary>Partners may apply while an idea is open in research or pilot (as <see cref="IdeaDetails.WelcomesPartners"/>).</summary>
    internal static bool WelcomesPartners(string stage, string status) =>
        status == Open && StageWireNames.TryParse(stage, out var parsed) && parsed is Stage.Research or Stage.Pilot;

    private static async Task CreatedAsync(StoredEvent e, IdeaCreatedEvent created, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var at = ReadModelSql.Time(connection, e.OccurredAt);
        var inserted = await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO idea_list (id, title, summary, category, stage, status, status_reason, vote_count, comment_count, challenge_count, "
            + "created_at, stage_entered_at, operator, welcomes_partners, accepted_partner_count, kpi_count) "
            + "VALUES (@id, @title, @summary, @category, @stage, @status, NULL, 0, 0, @challenges, @at, @at, NULL, @welcomes, 0, 0) "
            + "ON CONFLICT (id) DO NOTHING",
            ct,
            ("id", created.IdeaId),
            ("title", created.Title),
            ("summary", created.Summary),
            ("category", created.Category),
            ("stage", created.Stage),
            ("status", Open),
            ("challenges", created.ChallengeId is null ? 0 : 1),
            ("at", at),
            ("welcomes", WelcomesPartners(created.Stage, Open)));
        if (inserted > 0)
        {
            await SearchIndex.IndexAsync(connection, transaction, ItemKinds.Idea, created.IdeaId, created.Title + "\n" + created.Summary, ct);
        }
    }

    private static Task UpdateAsync(
        string assignments, string ideaId, DbConnection connection, DbTransaction transaction, CancellationToken ct, params (string, object?)[] parameters) =>
        ReadModelSql.ExecuteAsync(connection, transaction, $"UPDATE idea_list SET {assignments} WHERE id = @id", ct, [.. parameters, ("id", ideaId)]);
}
