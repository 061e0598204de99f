using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Storage;

namespace LivingLab.ReadModel.Timeline;

/// <summary>
/// timeline: the public history of each challenge and idea, with the reason for each step. Only the events a resident
/// should see are copied: never votes, supports or follows (who backs what is nobody else's business), never comments
/// (they have their own thread, where hiding works), and of partner applications only the accepted ones, since a
/// decline's reason is between the town and the partner.
/// </summary>
public sealed class TimelineProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "timeline";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var kind = ItemKinds.Of(storedEvent.GrainType);
        var payload = kind switch
        {
            ItemKinds.Challenge => ChallengePayload(storedEvent),
            ItemKinds.Idea => IdeaPayload(storedEvent),
            _ => null,
        };
        if (payload is null)
        {
            return;
        }

        await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO timeline (item_kind, item_id, position, event_type, actor_id, occurred_at, payload) "
            + "VALUES (@kind, @item, @position, @type, @actor, @at, @payload) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("kind", kind),
            ("item", storedEvent.GrainKey),
            ("position", storedEvent.Position),
            ("type", storedEvent.EventType),
            ("actor", storedEvent.ActorId),
            ("at", ReadModelSql.Time(connection, storedEvent.OccurredAt)),
            ("payload", payload));
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM timeline", cancellationToken);

    // Each payload is read into its public record and written again, so the timeline serves wire names (a proxy's
    // channel as "paper") whatever the runtime's own JSON settings are.
    private static string? ChallengePayload(StoredEvent e) => e.EventType switch
    {
        ChallengeEvents.Submitted => Normalize<ChallengeSubmittedEvent>(e),
        ChallengeEvents.Accepted => Normalize<ChallengeAcceptedEvent>(e),
        ChallengeEvents.Merged => Normalize<ChallengeMergedEvent>(e),
        ChallengeEvents.Absorbed => Normalize<ChallengeAbsorbedEvent>(e),
        ChallengeEvents.Declined => Normalize<ChallengeDeclinedEvent>(e),
        ChallengeEvents.WorkshopContributed => Normalize<ChallengeWorkshopContributedEvent>(e),
        _ => null,
    };

    private static string? IdeaPayload(StoredEvent e) => e.EventType switch
    {
        IdeaEvents.Created => Normalize<IdeaCreatedEvent>(e),
        IdeaEvents.Edited => Normalize<IdeaEditedEvent>(e),
        IdeaEvents.ChallengeLinked => Normalize<IdeaChallengeLinkedEvent>(e),
        IdeaEvents.Advanced => Normalize<IdeaAdvancedEvent>(e),
        IdeaEvents.Closed => Normalize<IdeaClosedEvent>(e),
        IdeaEvents.KpiAdded => Normalize<KpiAddedEvent>(e),
        IdeaEvents.KpiMeasured => Normalize<KpiMeasuredEvent>(e),
        IdeaEvents.OperatorSet => Normalize<OperatorSetEvent>(e),
        IdeaEvents.WorkshopContributed => Normalize<IdeaWorkshopContributedEvent>(e),
        // Which person applied stays with the idea; the public learns which partner joined.
        IdeaEvents.ApplicationDecided when EventPayloads.Read<PartnerApplicationDecidedEvent>(e) is { Accepted: true } accepted =>
            EventPayloads.Write(new PartnerJoined(accepted.IdeaId, accepted.ApplicationId, accepted.PartnerId)),
        _ => null,
    };

    private static string Normalize<T>(StoredEvent e)
        where T : class => EventPayloads.Write(EventPayloads.Read<T>(e));

    /// <summary>The public part of an accepted partner application.</summary>
    private sealed record PartnerJoined(string IdeaId, string ApplicationId, string PartnerId);
}
