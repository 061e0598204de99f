using System.Text.Json;
using LivingLab.Storage;

namespace LivingLab.Rows;

/// <summary>
/// A set of person ids kept as rows beside a grain's state (supporters, voters, followers): loaded once per activation
/// when first needed, then answered from memory, so one more member costs one row write whatever the set's size.
/// The grain keeps the count in its state, so showing the item never loads the set.
/// </summary>
internal sealed class MemberSet(string name)
{
    private HashSet<string>? members;
    private Task? loading;

    /// <summary>The row set's name.</summary>
    public string Name => name;

    /// <summary>Whether the set is in memory (else <see cref="ContainsAsync"/> asks the store for one row).</summary>
    public bool IsLoaded => members is not null;

    /// <summary>Every member; loads the set when needed.</summary>
    public async Task<IReadOnlyCollection<string>> AllAsync<T>(IEventedState<T> state)
    {
        await LoadAsync(state);
        return members!;
    }

    /// <summary>Whether <paramref name="personId"/> is a member, reading one row instead of the set when it is not loaded.</summary>
    public async Task<bool> ContainsAsync<T>(IEventedState<T> state, string personId) =>
        members is not null ? members.Contains(personId) : await state.ReadRowAsync(name, personId) is not null;

    /// <summary>Adds a member in memory and returns the row change to write with the state; null when already a member.</summary>
    public async Task<RowChange?> AddAsync<T>(IEventedState<T> state, string personId, DateTimeOffset at)
    {
        await LoadAsync(state);
        return members!.Add(personId) ? new RowChange(name, personId, JsonSerializer.Serialize(new MemberRow(at))) : null;
    }

    /// <summary>Removes a member in memory and returns the row change; null when not a member.</summary>
    public async Task<RowChange?> RemoveAsync<T>(IEventedState<T> state, string personId)
    {
        await LoadAsync(state);
        return members!.Remove(personId) ? new RowChange(name, personId, null) : null;
    }

    // One load per activation even when interleaved calls (votes are [AlwaysInterleave]) all find the set missing:
    // a second load finishing later would replace members that were added in between.
    private Task LoadAsync<T>(IEventedState<T> state)
    {
        if (members is not null)
        {
            return Task.CompletedTask;
        }

        // A failed read must not stick: the next call tries again instead of failing for the activation's lifetime.
        if (loading is { IsFaulted: true } or { IsCanceled: true })
        {
            loading = null;
        }

        return loading ??= LoadCoreAsync(state);
    }

    private async Task LoadCoreAsync<T>(IEventedState<T> state)
    {
        var rows = await state.ReadRowsAsync(name);
        members = new HashSet<string>(rows.Select(r => r.Member), StringComparer.Ordinal);
    }

    /// <summary>What a member row holds: when the person joined the set.</summary>
    private sealed record MemberRow(DateTimeOffset At);
}
