using System.Text.Json;
using LivingLab.Storage;

namespace LivingLab.Rows;

/// <summary>
/// A grain's row set read into a dictionary of typed rows (JSON payloads), once per activation, then kept up to date in
/// memory: one more entry costs one row write however many came before. For sets a grain needs whole (a waiting list's
/// order, a poll's counts); <see cref="MemberSet"/> is the lighter choice for plain membership.
/// </summary>
internal sealed class RowMap<TRow>(string set) where TRow : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Dictionary<string, TRow>? rows;
    private Task? loading;

    /// <summary>Every row by member (after <see cref="LoadAsync"/>).</summary>
    public IReadOnlyDictionary<string, TRow> All =>
        rows ?? throw new InvalidOperationException($"The rows of '{set}' are used before LoadAsync.");

    /// <summary>
    /// Loads the rows once per activation, even when interleaved calls all find them missing; a failed read is tried
    /// again by the next call instead of failing for the activation's lifetime.
    /// </summary>
    public Task LoadAsync<TState>(IEventedState<TState> state)
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

    /// <summary>The row of <paramref name="member"/>, if any.</summary>
    public TRow? Find(string member) => All.GetValueOrDefault(member);

    /// <summary>Stores a row in memory and returns the change to commit with the state.</summary>
    public RowChange Put(string member, TRow row)
    {
        _ = All;
        rows![member] = row;
        return new RowChange(set, member, JsonSerializer.Serialize(row, Json));
    }

    /// <summary>Removes a row in memory and returns the change to commit with the state.</summary>
    public RowChange Remove(string member)
    {
        _ = All;
        rows!.Remove(member);
        return new RowChange(set, member, null);
    }

    private async Task LoadCoreAsync<TState>(IEventedState<TState> state)
    {
        var stored = await state.ReadRowsAsync(set);
        rows = stored.ToDictionary(r => r.Member, r => JsonSerializer.Deserialize<TRow>(r.Payload, Json)!, StringComparer.Ordinal);
    }
}
