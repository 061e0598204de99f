using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace LivingLab.Storage;

/// <summary>
/// The evented-state facet: a grain's state over the project's store (JSON payload, integer version as ETag) whose
/// writes carry domain events and row changes in the same transaction. Read in the grain's SetupState lifecycle stage,
/// before <c>OnActivateAsync</c>, as Orleans' own persistent state is.
/// </summary>
internal sealed class EventedState<TState> : IEventedState<TState>, ILifecycleObserver
{
    private readonly IGrainContext context;
    private readonly EventedStateServices services;
    private readonly string stateName;
    private StateId id;
    private long version;

    public EventedState(IGrainContext context, EventedStateServices services, string stateName)
    {
        this.context = context;
        this.services = services;
        this.stateName = stateName;
        State = Activator.CreateInstance<TState>();
        context.ObservableLifecycle.Subscribe($"{nameof(EventedState<TState>)}:{stateName}", GrainLifecycleStage.SetupState, this);
    }

    public TState State { get; set; }

    public string? Etag => RecordExists ? StatePayloads.Etag(version) : null;

    public bool RecordExists { get; private set; }

    // The id needs the grain type map, which is only complete once the silo runs: resolved on first use, not in the constructor.
    private StateId Id => id.GrainType is null ? id = new StateId(services.Types.Of(context.GrainId), context.GrainId.Key.ToString()!, stateName) : id;

    // Messages name the grain as the store does (interface and key), which is what an operator finds in the tables.
    private string GrainName => $"{Id.GrainType}/{Id.GrainKey}";

    public Task OnStart(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.CompletedTask : ReadStateAsync();

    public Task OnStop(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task ReadStateAsync()
    {
        var stored = await services.Store.ReadAsync(Id);
        if (stored is null)
        {
            State = Activator.CreateInstance<TState>();
            version = 0;
            RecordExists = false;
            return;
        }

        State = StatePayloads.Read<TState>(stored, GrainName, stateName);
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
        string payload;
        try
        {
            payload = StatePayloads.Write(State, services.Limits.MaxStatePayloadBytes, GrainName, stateName);
        }
        catch (StatePayloadTooLargeException exception)
        {
            DropAfterFailedWrite(exception.Message);
            throw;
        }

        version = await WriteAsync(new StateWrite(Id, payload, version, ToEventData(events), changes));
        RecordExists = true;
        if (events.Count > 0)
        {
            services.Signal.OnEventsWritten();
        }
    }

    public Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return services.Store.ReadRowsAsync(Id.GrainType, Id.GrainKey, set);
    }

    public Task<GrainRow?> ReadRowAsync(string set, string member)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(member);
        return services.Store.ReadRowAsync(Id.GrainType, Id.GrainKey, set, member);
    }

    public async Task ClearStateAsync()
    {
        version = await WriteAsync(new StateWrite(Id, null, version, []));
        RecordExists = false;
        State = Activator.CreateInstance<TState>();
    }

    private async Task<long> WriteAsync(StateWrite write)
    {
        try
        {
            return await services.Store.WriteAsync(write);
        }
        catch (InconsistentStateException)
        {
            // Orleans drops the activation when this reaches the grain's caller, and the next call reads the stored state.
            throw;
        }
        catch (Exception exception)
        {
            DropAfterFailedWrite(exception.Message);
            throw;
        }
    }

    // The grain has already changed its in-memory state for a write the store never took: rather than trust every
    // grain to undo it, the activation goes once its current calls end, and the next call reads what is stored.
    private void DropAfterFailedWrite(string why) =>
        context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"write of state '{stateName}' failed: {why}"));

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
                    $"Row change {i} of the write of state '{stateName}' of grain {GrainName} has no set or member. Nothing was written.",
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

        var now = services.Clock.GetUtcNow();
        var data = new EventData[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            data[i] = new EventData(e.Type, JsonSerializer.Serialize(e.Data, e.Data.GetType(), StateJson.Options), e.ActorId, now);
        }

        return data;
    }
}
