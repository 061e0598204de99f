
namespace LivingLab.Storage;

/// <summary>Identifies one piece of grain state: a row per (grain type, key, state name).</summary>
public readonly record struct StateId(string GrainType, string GrainKey, string StateName)
{
    public override string ToString() => $"{GrainType}/{GrainKey}/{StateName}";
}

/// <summary>A state row as stored: the JSON payload and its version, which serves as the ETag.</summary>
public sealed record StoredState(string Payload, long Version);

/// <summary>A domain event to append with a state write: who did what, when. Actors are ids, never emails or names.</summary>
public sealed record EventData(string EventType, string Payload, string? ActorId, DateTimeOffset OccurredAt);

/// <summary>An event read back from the log, with its position (strictly increasing, the checkpoint for readers).</summary>
public sealed record StoredEvent(
    long Position,
    string GrainType,
    string GrainKey,
    string EventType,
    string Payload,
    string? ActorId,
    DateTimeOffset OccurredAt);

/// <summary>
/// One atomic write: the new state payload (or a delete when <see cref="Payload"/> is null) guarded by
/// <see cref="ExpectedVersion"/> (0 means "must not exist yet"), plus events appended and changes to the grain's
/// rows (<see cref="Rows"/>, applied in order; null or empty for none) in the same transaction.
/// </summary>
public sealed record StateWrite(
    StateId Id,
    string? Payload,
    long ExpectedVersion,
    IReadOnlyList<EventData> Events,
    IReadOnlyList<RowChange>? Rows = null)
{
    /// <summary>Whether the write changes any row; writes without rows take the providers' row-free path.</summary>
    public bool HasRows => Rows is { Count: > 0 };
}
