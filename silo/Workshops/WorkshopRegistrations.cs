using LivingLab.Rows;
using LivingLab.Storage;

namespace LivingLab.Workshops;

/// <summary>
/// A workshop's registrations, one row each (member: the person's id, or "offline-…" for someone staff registered).
/// The waiting list is the waiting rows in arrival order, so it needs the whole set in memory.
/// </summary>
internal sealed class WorkshopRegistrations
{
    private readonly RowMap<RegistrationRow> rows = new("registrations");

    /// <summary>Loads the registrations once per activation.</summary>
    public Task LoadAsync<T>(IEventedState<T> state) => rows.LoadAsync(state);

    /// <summary>The registration of <paramref name="id"/>, if any.</summary>
    public RegistrationRow? Find(string id) => rows.Find(id);

    /// <summary>
    /// Every registration: seats first, then the waiting list, each in arrival order, with a waiting registration's place
    /// on the list (1 being next) counted on the way.
    /// </summary>
    public IEnumerable<(string Id, RegistrationRow Row, int? Position)> Ordered()
    {
        var waiting = 0;
        foreach (var (id, row) in rows.All.OrderBy(r => r.Value.Waiting).ThenBy(r => r.Value.Arrival))
        {
            yield return (id, row, row.Waiting ? ++waiting : null);
        }
    }

    /// <summary>The place of a waiting registration on the list, 1 being next.</summary>
    public int PositionOf(RegistrationRow row) => 1 + rows.All.Values.Count(r => r.Waiting && r.Arrival < row.Arrival);

    /// <summary>The first on the waiting list, if anyone waits.</summary>
    public (string Id, RegistrationRow Row)? FirstWaiting() =>
        rows.All.Where(r => r.Value.Waiting).OrderBy(r => r.Value.Arrival)
            .Select(r => ((string, RegistrationRow)?)(r.Key, r.Value)).FirstOrDefault();

    /// <summary>Stores a registration in memory and returns the row change to commit with the state.</summary>
    public RowChange Put(string id, RegistrationRow row) => rows.Put(id, row);

    /// <summary>Removes a registration in memory and returns the row change.</summary>
    public RowChange Remove(string id) => rows.Remove(id);
}

/// <summary>
/// One stored registration. Name and contact are set only for someone staff registered; they stay in this row (never in
/// an event), so erasing them touches one row.
/// </summary>
internal sealed record RegistrationRow(long Arrival, DateTimeOffset At, bool Waiting, string? Name = null, string? Contact = null, string? EnteredBy = null);
