using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Storage;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>
/// workshop_outcomes, from the ideas' and challenges' own events: which items a workshop's board created or added notes
/// to. Read from the items' side so a workshop page shows where they stand now without the workshop grain knowing them.
/// </summary>
public sealed class WorkshopOutcomeProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "workshop-outcomes";

    public string Name => ProjectionName;

    public Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var e = storedEvent;
        var (kind, workshopId, created) = (ItemKinds.Of(e.GrainType), e.EventType) switch
        {
            (ItemKinds.Idea, IdeaEvents.WorkshopContributed) when EventPayloads.Read<IdeaWorkshopContributedEvent>(e) is var idea =>
                (ItemKinds.Idea, idea.WorkshopId, idea.Created),
            (ItemKinds.Challenge, ChallengeEvents.WorkshopContributed) =>
                (ItemKinds.Challenge, EventPayloads.Read<ChallengeWorkshopContributedEvent>(e).WorkshopId, false),
            _ => ((string?)null, "", false),
        };
        if (kind is null)
        {
            return Task.CompletedTask;
        }

        return ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO workshop_outcomes (workshop_id, item_kind, item_id, created, contributions, first_at) "
            + "VALUES (@workshop, @kind, @item, @created, 1, @at) "
            + "ON CONFLICT (workshop_id, item_kind, item_id) DO UPDATE SET contributions = workshop_outcomes.contributions + 1",
            cancellationToken,
            ("workshop", workshopId), ("kind", kind), ("item", e.GrainKey), ("created", created),
            ("at", ReadModelSql.Time(connection, e.OccurredAt)));
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM workshop_outcomes", cancellationToken);
}
