namespace LivingLab.Runtime;

/// <summary>Grain state with its ETag, as Orleans' IStorage.</summary>
public interface IStorage<TState>
{
    /// <summary>The state object. Never null: a missing record reads as a new instance.</summary>
    TState State { get; set; }

    /// <summary>The version stamp of the stored record; null when none is stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a record is stored.</summary>
    bool RecordExists { get; }

    /// <summary>Deletes the stored record.</summary>
    Task ClearStateAsync();

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> when the ETag is stale.</summary>
    Task WriteStateAsync();

    /// <summary>Reloads the state from the store.</summary>
    Task ReadStateAsync();
}

/// <summary>Persistent grain state injected through <see cref="PersistentStateAttribute"/>, as in Orleans.</summary>
public interface IPersistentState<TState> : IStorage<TState>;

/// <summary>
/// LivingLab's addition to Orleans' state API: a state write that appends domain events in the same
/// transaction, so the audit trail and read models can never disagree with the state; and row sets, for growing
/// sets (supporters, voters, comments) that must not live in the state payload.
/// </summary>
/// <remarks>
/// Rows belong to the grain (its type and key), not to one state name: every state of a grain sees the same sets.
/// <see cref="IStorage{TState}.ClearStateAsync"/> leaves them in place; remove rows with changes whose payload is null.
/// </remarks>
public interface IEventedState<TState> : IPersistentState<TState>
{
    /// <summary>Writes the state and appends <paramref name="events"/> atomically.</summary>
    Task WriteStateAsync(IReadOnlyList<DomainEvent> events);

    /// <summary>
    /// Writes the state, appends <paramref name="events"/> and applies <paramref name="rows"/> (in order) in one
    /// transaction; on a version conflict or any failure none of them is applied.
    /// </summary>
    Task WriteStateAsync(IReadOnlyList<DomainEvent> events, IReadOnlyList<RowChange> rows);

    /// <summary>Reads every row of this grain's <paramref name="set"/>, ordered by member (ordinal).</summary>
    Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string set);

    /// <summary>Reads one row of this grain's <paramref name="set"/>, or null when there is none.</summary>
    Task<GrainRow?> ReadRowAsync(string set, string member);
}

/// <summary>A domain event to record with a state write. <see cref="ActorId"/> is a person's id, never an email or a name.</summary>
public sealed record DomainEvent(string Type, object Data, string? ActorId);

/// <summary>A change to one row of a grain's row set, written atomically with the state: Payload null removes the row.</summary>
public sealed record RowChange(string Set, string Member, string? Payload);

/// <summary>One stored row of a grain's row set.</summary>
public sealed record GrainRow(string Member, string Payload);
