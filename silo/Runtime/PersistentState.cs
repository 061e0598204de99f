using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LivingLab.Storage;

namespace LivingLab.Runtime;

/// <summary>State the activation reads before OnActivateAsync.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync();
}

/// <summary>JSON settings for stored state and events: tolerant of added and removed fields.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Keep Japanese readable in the store; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}

/// <summary>
/// A grain's persistent state over the one storage contract: JSON payload, integer version as ETag, and
/// events appended in the same transaction as the state they explain.
/// </summary>
internal sealed class PersistentState<TState> : IEventedState<TState>, IStateLoader
{
    private readonly ActivationData activation;
    private readonly StateId id;
    private long version;

    public PersistentState(ActivationData activation, string stateName)
    {
        this.activation = activation;
        id = new StateId(activation.Id.TypeName, activation.Id.Key, stateName);
        State = Activator.CreateInstance<TState>();
    }

    public TState State { get; set; }

    public string? Etag => RecordExists ? version.ToString(CultureInfo.InvariantCulture) : null;

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        var stored = await activation.Runtime.Storage.ReadAsync(id);
        if (stored is null)
        {
            State = Activator.CreateInstance<TState>();
            version = 0;
            RecordExists = false;
            return;
        }

        try
        {
            State = JsonSerializer.Deserialize<TState>(stored.Payload, StateJson.Options) ?? Activator.CreateInstance<TState>();
        }
        catch (JsonException exception)
        {
            throw new CorruptStateException(
                $"The stored state '{id.StateName}' of grain {activation.Id} is not valid JSON and cannot be read: {exception.Message}",
                exception);
        }

        version = stored.Version;
        RecordExists = true;
    }

    public Task WriteStateAsync() => WriteStateAsync([], []);

    public Task WriteStateAsync(IReadOnlyList<DomainEvent> events) => WriteStateAsync(events, []);

    public async Task WriteStateAsync(IReadOnlyList<DomainEvent> events, IReadOnlyList<RowChange> rows)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(rows);
        var changes = ToRowChanges(rows);
        var payload = JsonSerializer.Serialize(State, StateJson.Options);
        var size = Encoding.UTF8.GetByteCount(payload);
        var limit = activation.Runtime.Options.MaxStatePayloadBytes;
        if (size > limit)
        {
            DropAfterFailedWrite("the payload is over the size limit");
            throw new StatePayloadTooLargeException(
                $"The state '{id.StateName}' of grain {activation.Id} is {size:N0} bytes; the limit is {limit:N0}. Nothing was written. Keep growing sets (supporters, comments) in rows of their own.");
        }

        version = await WriteAsync(new StateWrite(id, payload, version, ToEventData(events), changes));
        RecordExists = true;
        if (events.Count > 0)
        {
            activation.Runtime.OnEventsWritten();
        }
    }

    public Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return activation.Runtime.Storage.ReadRowsAsync(id.GrainType, id.GrainKey, set);
    }

    public Task<GrainRow?> ReadRowAsync(string set, string member)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(member);
        return activation.Runtime.Storage.ReadRowAsync(id.GrainType, id.GrainKey, set, member);
    }

    public async Task ClearStateAsync()
    {
        version = await WriteAsync(new StateWrite(id, null, version, []));
        RecordExists = false;
        State = Activator.CreateInstance<TState>();
    }

    private async Task<long> WriteAsync(StateWrite write)
    {
        try
        {
            return await activation.Runtime.Storage.WriteAsync(write);
        }
        catch (InconsistentStateException)
        {
            // Someone else wrote this state: drop the activation so the next call reads the stored one.
            activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, $"stale ETag on state '{id.StateName}'"));
            throw;
        }
        catch (Exception exception)
        {
            DropAfterFailedWrite(exception.Message);
            throw;
        }
    }

    // The grain has already changed its in-memory state for a write the store never took: rather than trust every
    // grain to undo it, the activation goes once the current call ends, and the next call reads what is stored.
    private void DropAfterFailedWrite(string why) =>
        activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.StateWriteFailed, $"write of state '{id.StateName}' failed: {why}"));

    // A copy, because the writer thread reads the changes after this call has returned to the grain; checked here,
    // because a null member would otherwise match no row and a delete would silently do nothing.
    private RowChange[]? ToRowChanges(IReadOnlyList<RowChange> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var changes = new RowChange[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var change = rows[i];
            if (change?.Set is null || change.Member is null)
            {
                DropAfterFailedWrite("a row change without a set or member");
                throw new ArgumentException(
                    $"Row change {i} of the write of state '{id.StateName}' of grain {activation.Id} has no set or member. Nothing was written.",
                    nameof(rows));
            }

            changes[i] = change;
        }

        return changes;
    }

    private IReadOnlyList<EventData> ToEventData(IReadOnlyList<DomainEvent> events)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var now = activation.Runtime.Clock.GetUtcNow();
        var data = new EventData[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            data[i] = new EventData(e.Type, JsonSerializer.Serialize(e.Data, e.Data.GetType(), StateJson.Options), e.ActorId, now);
        }

        return data;
    }
}
