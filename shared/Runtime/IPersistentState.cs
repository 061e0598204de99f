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
/// LivingLab's one addition to Orleans' state API: a state write that appends domain events in the same
/// transaction, so the audit trail and read models can never disagree with the state.
/// </summary>
public interface IEventedState<TState> : IPersistentState<TState>
{
    /// <summary>Writes the state and appends <paramref name="events"/> atomically.</summary>
    Task WriteStateAsync(IReadOnlyList<DomainEvent> events);
}

/// <summary>A domain event to record with a state write. <see cref="ActorId"/> is a person's id, never an email or a name.</summary>
public sealed record DomainEvent(string Type, object Data, string? ActorId);

/// <summary>A change to one row of a grain's row set, written atomically with the state: Payload null removes the row.</summary>
public sealed record RowChange(string Set, string Member, string? Payload);

/// <summary>One stored row of a grain's row set.</summary>
public sealed record GrainRow(string Member, string Payload);
