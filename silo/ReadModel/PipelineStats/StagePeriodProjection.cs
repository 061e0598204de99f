using System.Data.Common;
using LivingLab.Ideas;
using LivingLab.Storage;

namespace LivingLab.ReadModel.PipelineStats;

/// <summary>
/// stage_periods: each stay of an idea in a stage. A move (forward or back) ends the stay with its duration and starts
/// the next; closing ends it without a duration, since a paused or declined idea did not finish the stage; reopening
/// starts a new stay in the same stage.
/// </summary>
public sealed class StagePeriodProjection : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "stage-periods";

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (ItemKinds.Of(storedEvent.GrainType) != ItemKinds.Idea)
        {
            return;
        }

        switch (storedEvent.EventType)
        {
            case IdeaEvents.Created:
                var created = EventPayloads.Read<IdeaCreatedEvent>(storedEvent);
                await StartAsync(created.IdeaId, created.Stage, storedEvent.OccurredAt, connection, transaction, cancellationToken);
                break;

            case IdeaEvents.Advanced:
                var advanced = EventPayloads.Read<IdeaAdvancedEvent>(storedEvent);
                await EndAsync(advanced.IdeaId, storedEvent.OccurredAt, countDuration: true, connection, transaction, cancellationToken);
                await StartAsync(advanced.IdeaId, advanced.To, storedEvent.OccurredAt, connection, transaction, cancellationToken);
                break;

            case IdeaEvents.Closed:
                var closed = EventPayloads.Read<IdeaClosedEvent>(storedEvent);
                await EndAsync(closed.IdeaId, storedEvent.OccurredAt, countDuration: false, connection, transaction, cancellationToken);
                break;
        }
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM stage_periods", cancellationToken);

    private static async Task StartAsync(string ideaId, string stage, DateTimeOffset at, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO stage_periods (idea_id, seq, stage, entered_at, left_at, duration_seconds) "
            + "SELECT @idea, COALESCE(MAX(seq), 0) + 1, @stage, @at, NULL, NULL FROM stage_periods WHERE idea_id = @idea",
            ct, ("idea", ideaId), ("stage", stage), ("at", ReadModelSql.Time(connection, at)));
    }

    private static async Task EndAsync(
        string ideaId, DateTimeOffset at, bool countDuration, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        int? seq = null;
        DateTimeOffset entered = default;
        await using (var read = DbCommands.Create(connection, transaction,
            "SELECT seq, entered_at FROM stage_periods WHERE idea_id = @idea AND left_at IS NULL ORDER BY seq DESC LIMIT 1"))
        {
            read.With("idea", ideaId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                seq = reader.GetInt32(0);
                entered = ReadModelSql.ReadTime(reader, 1);
            }
        }

        if (seq is null)
        {
            // A reopening: the stay it follows was already ended by the closing.
            return;
        }

        // Whole seconds are plenty for a median in days, and keep the column an integer on both stores.
        var duration = countDuration ? (long?)Math.Max(0, (long)Math.Floor((at - entered).TotalSeconds)) : null;
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "UPDATE stage_periods SET left_at = @at, duration_seconds = @duration WHERE idea_id = @idea AND seq = @seq",
            ct, ("at", ReadModelSql.Time(connection, at)), ("duration", duration), ("idea", ideaId), ("seq", seq.Value));
    }
}
