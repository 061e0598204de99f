using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace LivingLab.Storage;

/// <summary>
/// LivingLab's addition to Orleans' state API, given to grains by <see cref="EventedStateAttribute"/>: a state write that
/// appends domain events in the same transaction, so the audit trail and read models can never disagree with the state;
/// and row sets, for growing sets (supporters, voters, comments) that must not live in the state payload.
/// </summary>
/// <remarks>
/// Rows belong to the grain (its type and key), not to one state name: every state of a grain sees the same sets.
/// <see cref="Orleans.Core.IStorage.ClearStateAsync()"/> leaves them in place; remove rows with changes whose payload is null.
/// A stale write throws Orleans' <see cref="Orleans.Storage.InconsistentStateException"/>; let it propagate, so Orleans
/// drops the activation and the next call reads what is stored.
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
[GenerateSerializer, Immutable, Alias("ll.GrainRow")]
public sealed record GrainRow(string Member, string Payload);
