using Orleans.Runtime;
using Orleans.Storage;

namespace LivingLab.Storage;

/// <summary>
/// Orleans' <see cref="IGrainStorage"/> over the project's store, registered as <see cref="Name"/>: plain grain state
/// (no events, no rows) for grains that use Orleans' own <c>[PersistentState(name, "livinglab")]</c>.
/// </summary>
internal sealed class LivingLabGrainStorage(IStateStore store, StoredGrainTypes types, StateLimits limits) : IGrainStorage
{
    /// <summary>The provider's name in <c>[PersistentState]</c>.</summary>
    public const string Name = "livinglab";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = IdOf(stateName, grainId);
        var stored = await store.ReadAsync(id);
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = StatePayloads.Read<T>(stored, $"{id.GrainType}/{id.GrainKey}", stateName);
        grainState.ETag = StatePayloads.Etag(stored.Version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = IdOf(stateName, grainId);
        var payload = StatePayloads.Write(grainState.State, limits.MaxStatePayloadBytes, $"{id.GrainType}/{id.GrainKey}", stateName);
        var version = await store.WriteAsync(new StateWrite(id, payload, StatePayloads.Version(grainState.ETag), []));
        grainState.ETag = StatePayloads.Etag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.WriteAsync(new StateWrite(IdOf(stateName, grainId), null, StatePayloads.Version(grainState.ETag), []));
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private StateId IdOf(string stateName, GrainId grainId) => new(types.Of(grainId), grainId.Key.ToString()!, stateName);
}
