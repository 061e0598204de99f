using System.Text.Json;
using LivingLab.Storage;

namespace LivingLab.Workshops;

/// <summary>
/// A workshop's registrations, one row each (member: the person's id, or "offline-…" for someone staff registered),
/// loaded once per activation. A registration costs one row write however many came before; the waiting list is the
/// waiting rows in arrival order.
/// </summary>
internal sealed class WorkshopRegistrations
{
    private const string Set = "registrations";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Dictionary<string, RegistrationRow>? rows;
    private Task? loading;

    /// <summary>Loads the rows once per activation; a failed read is tried again by the next call.</summary>
    public Task LoadAsync<T>(IEventedState<T> state)
    {
        if (rows is not null)
        {
            return Task.CompletedTask;
        }

        if (loading is { IsFaulted: true } or { IsCanceled: true })
        {
            loading = null;
        }

        return loading ??= LoadCoreAsync(state);
    }

    /// <summary>The registration of <paramref name="id"/>, if any (after <see cref="LoadAsync"/>).</summary>
    public RegistrationRow? Find(string id) => Loaded.GetValueOrDefault(id);

    /// <summary>Every registration: seats first, then the waiting list, each in arrival order.</summary>
    public IEnumerable<(string Id, RegistrationRow Row)> Ordered() =>
        Loaded.OrderBy(r => r.Value.Waiting).ThenBy(r => r.Value.Arrival).Select(r => (r.Key, r.Value));

    /// <summary>The place of a waiting registration on the list, 1 being next.</summary>
    public int PositionOf(RegistrationRow row) => 1 + Loaded.Values.Count(r => r.Waiting && r.Arrival < row.Arrival);

    /// <summary>The first on the waiting list, if anyone waits.</summary>
    public (string Id, RegistrationRow Row)? FirstWaiting() =>
        Loaded.Where(r => r.Value.Waiting).OrderBy(r => r.Value.Arrival).Select(r => ((string, RegistrationRow)?)(r.Key, r.Value)).FirstOrDefault();

    /// <summary>Stores <paramref name="row"/> for <paramref name="id"/> in memory and returns the row change to commit with the state.</summary>
    public RowChange Put(string id, RegistrationRow row)
    {
        Loaded[id] = row;
        return new RowChange(Set, id, JsonSerializer.Serialize(row, Json));
    }

    /// <summary>Removes <paramref name="id"/> in memory and returns the row change.</summary>
    public RowChange Remove(string id)
    {
        Loaded.Remove(id);
        return new RowChange(Set, id, null);
    }

    private Dictionary<string, RegistrationRow> Loaded =>
        rows ?? throw new InvalidOperationException("Registrations are read before they are used: call LoadAsync first.");

    private async Task LoadCoreAsync<T>(IEventedState<T> state)
    {
        var stored = await state.ReadRowsAsync(Set);
        rows = stored.ToDictionary(r => r.Member, r => JsonSerializer.Deserialize<RegistrationRow>(r.Payload, Json)!, StringComparer.Ordinal);
    }
}

/// <summary>
/// One stored registration. Name and contact are set only for someone staff registered; they stay in this row (never in
/// an event), so erasing them touches one row.
/// </summary>
internal sealed record RegistrationRow(long Arrival, DateTimeOffset At, bool Waiting, string? Name = null, string? Contact = null, string? EnteredBy = null);
