using System.Data.Common;
using LivingLab.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LivingLab.ReadModel;

/// <summary>
/// Keeps every projection up to date with the event log: catches up at start, then whenever nudged after a write,
/// and on a short poll as a safety net. Readers that must see their own write call <see cref="CatchUpAsync"/>.
/// </summary>
public sealed partial class ProjectionRunner(
    IStateStore storage,
    IReadModelDatabase database,
    IEnumerable<IProjection> projections,
    IEnumerable<IEventFollower> followers,
    ILogger<ProjectionRunner> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly IProjection[] projections = [.. projections];
    private readonly IEventFollower[] followers = [.. followers];

    // How far this process's followers have read; -1 until the first round, which starts them where the read models stand.
    private long followed = -1;
    private readonly SemaphoreSlim catchUp = new(1, 1);
    private readonly SemaphoreSlim nudge = new(0, 1);

    /// <summary>
    /// Raised after each catch-up with the log position that every projection has reached (whichever node applied the
    /// events), once this process's followers have seen them, so live views can refresh what they show knowing the read
    /// models already hold the change. Handlers must be quick and must not throw.
    /// </summary>
    public event Action<long>? CaughtUp;

    /// <summary>Asks the runner to look for new events now (after a write), without waiting for it.</summary>
    public void Nudge()
    {
        if (nudge.CurrentCount == 0)
        {
            try
            {
                nudge.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another nudge got there first: one pending look is enough.
            }
        }
    }

    /// <summary>Applies every event written so far to every projection; returns the position reached.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (projections.Length == 0)
        {
            return 0;
        }

        await catchUp.WaitAsync(cancellationToken);
        try
        {
            long[] positions;
            try
            {
                positions = await CatchUpAsync(projections, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                CombinedBatchFailed(logger, exception);
                positions = await CatchUpEachAsync(cancellationToken);
            }

            var held = positions.Min();
            await FollowAsync(held, cancellationToken);
            CaughtUp?.Invoke(held);
            return positions.Max();
        }
        finally
        {
            catchUp.Release();
        }
    }

    // Hands this process's followers the events the read models now hold that they have not seen yet.
    private async Task FollowAsync(long held, CancellationToken cancellationToken)
    {
        if (followed < 0 || followers.Length == 0)
        {
            followed = Math.Max(followed, held);
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        while (followed < held)
        {
            var events = await storage.ReadEventsAsync(followed, BatchSize, cancellationToken);
            var batch = events.Where(e => e.Position <= held).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var follower in followers)
            {
                try
                {
                    await follower.FollowAsync(batch, connection, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // A live signal lost is a page refreshed a little later; it must not stop the read models.
                    FollowerFailed(logger, exception);
                }
            }

            followed = batch[^1].Position;
        }

        followed = Math.Max(followed, held);
    }

    /// <summary>Deletes a projection's data and applies the whole event log again.</summary>
    public async Task RebuildAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        var projection = projections.Single(p => p.Name == projectionName);
        await catchUp.WaitAsync(cancellationToken);
        try
        {
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            using (await database.EnterWriteAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                // Under the projections' lock, so another node's batch cannot read the old checkpoint before this reset
                // and write it back after: the projection would stay empty with a checkpoint saying it is up to date.
                await database.LockProjectionsAsync(connection, transaction, cancellationToken);
                await projection.ResetAsync(connection, transaction, cancellationToken);
                await SaveCheckpointAsync(connection, transaction, projection.Name, 0, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await CatchUpAsync([projection], cancellationToken);
        }
        finally
        {
            catchUp.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A projection bug must not stop the others for good: log it and try again on the next round.
                CatchUpFailed(logger, exception);
            }

            try
            {
                await nudge.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Applies the events each projection of <paramref name="set"/> lacks, reading each batch once and applying it to
    /// the whole set in ONE transaction with their checkpoints: a round costs one write (one fsync, one hold of SQLite's
    /// write lock) however many projections there are, so grain writes rarely wait behind the runner. A projection
    /// rebuilt or added later may stand behind the others; it gets the events it lacks and the others skip them.
    /// </summary>
    private async Task<long[]> CatchUpAsync(IProjection[] set, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var checkpoints = new long[set.Length];
        for (var i = 0; i < set.Length; i++)
        {
            checkpoints[i] = await ReadCheckpointAsync(connection, null, set[i].Name, cancellationToken);
        }

        while (true)
        {
            var from = checkpoints.Min();
            var events = await storage.ReadEventsAsync(from, BatchSize, cancellationToken);
            if (events.Count == 0)
            {
                return checkpoints;
            }

            var last = events[^1].Position;
            var behind = false;
            // A failure throws out of here; disposing the transaction rolls the batch back before the turn is given up.
            using (await database.EnterWriteAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                // Every node of a cluster runs this loop on the same tables: under the projections' lock, the checkpoints
                // read again inside the transaction say what another node has applied since, so each event is applied once.
                await database.LockProjectionsAsync(connection, transaction, cancellationToken);
                // The checkpoint read here is the truth, and it can be lower than the one read before: another node may
                // have rebuilt the projection since. Such a projection lacks events older than this batch, so it waits
                // for the next batch, read from where it now stands, instead of being marked up to date.
                for (var i = 0; i < set.Length; i++)
                {
                    checkpoints[i] = await ReadCheckpointAsync(connection, transaction, set[i].Name, cancellationToken);
                    if (checkpoints[i] < from)
                    {
                        behind = true;
                        continue;
                    }

                    foreach (var storedEvent in events)
                    {
                        if (storedEvent.Position > checkpoints[i])
                        {
                            await set[i].ApplyAsync(storedEvent, connection, transaction, cancellationToken);
                        }
                    }

                    checkpoints[i] = Math.Max(checkpoints[i], last);
                    await SaveCheckpointAsync(connection, transaction, set[i].Name, checkpoints[i], cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            // A short batch held every event written before this round began. Reading again would chase the writes
            // that arrived meanwhile, a few per commit: under load that is a commit (and SQLite's write lock) per handful
            // of events, back to back. The next round, a moment later, takes them all at once.
            if (events.Count < BatchSize && !behind)
            {
                return checkpoints;
            }
        }
    }

    /// <summary>
    /// The fallback when a batch for all projections failed: each projection in transactions of its own, so one
    /// projection's bug does not hold the others back. The first failure is thrown once every projection has had its turn.
    /// </summary>
    private async Task<long[]> CatchUpEachAsync(CancellationToken cancellationToken)
    {
        var positions = new long[projections.Length];
        Exception? firstFailure = null;
        for (var i = 0; i < projections.Length; i++)
        {
            try
            {
                positions[i] = (await CatchUpAsync([projections[i]], cancellationToken))[0];
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                firstFailure ??= exception;
            }
        }

        if (firstFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }

        return positions;
    }

    private static async Task<long> ReadCheckpointAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction, "SELECT position FROM projection_checkpoints WHERE name = @name");
        var value = await command.With("name", name).ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task SaveCheckpointAsync(DbConnection connection, DbTransaction transaction, string name, long position, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction,
            "INSERT INTO projection_checkpoints (name, position) VALUES (@name, @position) "
            + "ON CONFLICT (name) DO UPDATE SET position = excluded.position");
        await command.With("name", name).With("position", position).ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch applied to every projection together failed; applying each projection on its own")]
    private static partial void CombinedBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event follower failed on a batch; it goes on with the next")]
    private static partial void FollowerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection catch-up failed; retrying on the next round")]
    private static partial void CatchUpFailed(ILogger logger, Exception exception);
}
