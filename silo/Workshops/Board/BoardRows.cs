using LivingLab.Rows;
using LivingLab.Storage;

namespace LivingLab.Workshops.Board;

/// <summary>
/// A board's row sets, loaded together once per activation: notes (member: note id), dots (member:
/// "round/participant/note", holding a count, so a dot costs one row write), guests (member: guest id) and participants
/// (member: person id). Keeps the open round's tallies in memory, so checking "dots left" never scans the rows.
/// </summary>
internal sealed class BoardRows
{
    private readonly RowMap<NoteRow> notes = new("notes");
    private readonly RowMap<DotRow> dots = new("dots");
    private readonly RowMap<GuestRow> guests = new("guests");
    private readonly RowMap<ParticipantRow> participants = new("participants");

    // Per round: dots used per participant; rebuilt from the rows on load, kept up to date by PutDot.
    private readonly Dictionary<(int Round, string Participant), int> used = [];
    private Task? loading;

    public IReadOnlyDictionary<string, NoteRow> Notes => notes.All;

    public IReadOnlyDictionary<string, DotRow> Dots => dots.All;

    public IReadOnlyDictionary<string, GuestRow> Guests => guests.All;

    public IReadOnlyDictionary<string, ParticipantRow> Participants => participants.All;

    /// <summary>Loads every set once (interleaved calls share the load; a failed one is tried again).</summary>
    public Task LoadAsync<T>(IEventedState<T> state)
    {
        if (loading is { IsFaulted: true } or { IsCanceled: true })
        {
            loading = null;
        }

        return loading ??= LoadCoreAsync(state);
    }

    public RowChange PutNote(string id, NoteRow row) => notes.Put(id, row);

    public RowChange PutGuest(string id, GuestRow row) => guests.Put(id, row);

    public RowChange PutParticipant(string id, ParticipantRow row) => participants.Put(id, row);

    /// <summary>How many dots <paramref name="participant"/> has placed in <paramref name="round"/>.</summary>
    public int Used(int round, string participant) => used.GetValueOrDefault((round, participant));

    /// <summary>How many dots <paramref name="participant"/> has on one note in a round.</summary>
    public int DotsOn(int round, string participant, string noteId) => dots.Find(DotKey(round, participant, noteId))?.Count ?? 0;

    /// <summary>A note's total in a round.</summary>
    public int NoteTotal(int round, string noteId) => RoundDots(round).Where(d => d.NoteId == noteId).Sum(d => d.Count);

    /// <summary>Every dot row of a round.</summary>
    public IEnumerable<DotRow> RoundDots(int round) => dots.All.Values.Where(d => d.Round == round);

    /// <summary>Sets a participant's dots on a note (0 removes the row) and returns the row change.</summary>
    public RowChange PutDot(int round, string participant, string noteId, int count)
    {
        var key = DotKey(round, participant, noteId);
        var before = dots.Find(key)?.Count ?? 0;
        used[(round, participant)] = Used(round, participant) + count - before;
        return count == 0 ? dots.Remove(key) : dots.Put(key, new DotRow(round, participant, noteId, count));
    }

    private static string DotKey(int round, string participant, string noteId) => $"{round}/{participant}/{noteId}";

    private async Task LoadCoreAsync<T>(IEventedState<T> state)
    {
        await notes.LoadAsync(state);
        await dots.LoadAsync(state);
        await guests.LoadAsync(state);
        await participants.LoadAsync(state);
        foreach (var dot in dots.All.Values)
        {
            used[(dot.Round, dot.Participant)] = Used(dot.Round, dot.Participant) + dot.Count;
        }
    }
}

/// <summary>One stored note. Position orders the notes of a column (a move takes a place between two neighbours).</summary>
internal sealed record NoteRow(
    string ColumnId,
    string? ClusterId,
    double Position,
    string Text,
    string AuthorId,
    NoteAuthorKind AuthorKind,
    bool Anonymous,
    DateTimeOffset Posted,
    bool Hidden = false,
    string? HiddenReason = null,
    string? HiddenBy = null,
    IReadOnlyList<BoardOutcome>? LedTo = null);

/// <summary>One participant's dots on one note in one round.</summary>
internal sealed record DotRow(int Round, string Participant, string NoteId, int Count);

/// <summary>A guest: the nickname stays in this row (never in an event), valid for one session, until removed.</summary>
internal sealed record GuestRow(string Nickname, int Session, DateTimeOffset Joined, bool Removed = false);

/// <summary>A signed-in person who joined the board holding a seat; stays a participant in later sessions.</summary>
internal sealed record ParticipantRow(DateTimeOffset Joined);
