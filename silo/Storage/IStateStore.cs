using Orleans.Storage;

namespace LivingLab.Storage;

/// <summary>
/// The one storage contract every provider (SQLite, PostgreSQL) implements. A write is acknowledged only once
/// it is durable; state and its events commit in one transaction.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>The provider's name, for health reports and logs ("Sqlite", "Postgres").</summary>
    string ProviderName { get; }

    /// <summary>Creates the schema or brings it up to date. Idempotent; called at start-up.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one state row, or null when none exists.</summary>
    Task<StoredState?> ReadAsync(StateId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes (or deletes) state, appends its events and applies its row changes atomically. Returns the new version (0 after a delete).
    /// Throws <see cref="Orleans.Storage.InconsistentStateException"/> when the stored version is not the expected one;
    /// nothing of that write remains then.
    /// </summary>
    Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every row of one grain's set, ordered by member (ordinal). Rows belong to the grain (type and key),
    /// whatever the state name of the writes that changed them.
    /// </summary>
    Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string grainType, string grainKey, string set, CancellationToken cancellationToken = default);

    /// <summary>Reads one row of a grain's set, or null when there is none.</summary>
    Task<GrainRow?> ReadRowAsync(string grainType, string grainKey, string set, string member, CancellationToken cancellationToken = default);

    /// <summary>Reads events in log order after <paramref name="afterPosition"/> (0 reads from the start).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Checks that the store answers; used by /healthz.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
