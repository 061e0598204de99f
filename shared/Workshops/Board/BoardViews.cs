namespace LivingLab.Workshops.Board;

/// <summary>
/// Turns the whole board into what one viewer may see. The board grain's <c>GetAsync</c> and the web host (rendering a
/// <see cref="BoardSnapshot"/> it received as an observer) both use this, so a live page and a fresh read never differ.
/// </summary>
public static class BoardViews
{
    /// <summary>The board as <paramref name="viewer"/> sees it.</summary>
    public static BoardView For(BoardSnapshot board, BoardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(viewer);
        var kind = KindOf(board, viewer);
        var staff = kind == BoardViewerKind.Staff;
        var me = kind switch
        {
            BoardViewerKind.Guest => viewer.GuestId,
            BoardViewerKind.Participant or BoardViewerKind.Staff => viewer.PersonId,
            _ => null,
        };
        var nicknames = board.Guests.ToDictionary(g => g.GuestId, g => g.Nickname, StringComparer.Ordinal);
        var notes = board.Notes.Where(n => staff || !n.Hidden).Select(n => Note(n, kind, me, nicknames)).ToList();
        return new BoardView(
            board.WorkshopId,
            board.Sequence,
            board.State,
            board.Session,
            kind,
            board.Columns,
            board.Clusters,
            notes,
            board.OpenRound is { } round ? Round(round, staff, me) : null,
            board.PastRounds,
            board.TimerEndsAt,
            staff ? board.RoomCode : null,
            staff ? board.Guests : null);
    }

    /// <summary>How <paramref name="viewer"/> takes part in <paramref name="board"/>.</summary>
    public static BoardViewerKind KindOf(BoardSnapshot board, BoardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.PersonId is { } person)
        {
            return viewer.Staff ? BoardViewerKind.Staff
                : board.Participants.Contains(person, StringComparer.Ordinal) ? BoardViewerKind.Participant
                : BoardViewerKind.SignedIn;
        }

        // Only the current session's guests: a pass from an earlier session, or a removed guest, reads as the public.
        return viewer.GuestId is { } guest && board.State == BoardSessionState.Open
            && board.Guests.Any(g => g.GuestId == guest && !g.Removed)
            ? BoardViewerKind.Guest
            : BoardViewerKind.Public;
    }

    private static NoteView Note(BoardNote note, BoardViewerKind kind, string? me, Dictionary<string, string> nicknames)
    {
        var staff = kind == BoardViewerKind.Staff;
        // The public and signed-in non-participants read the notes, never who wrote them.
        var identified = !note.Anonymous && kind is BoardViewerKind.Participant or BoardViewerKind.Guest or BoardViewerKind.Staff;
        var guest = note.AuthorKind == NoteAuthorKind.Guest;
        // Staff see who of their own typed a note (a proxy note, a staff note) even when it is anonymous to the room:
        // that is who to ask about it; a resident's or guest's anonymity holds for staff too, who see only the kind.
        var staffAuthored = note.AuthorKind is NoteAuthorKind.Staff or NoteAuthorKind.Proxy;
        var authorId = guest ? null : identified || (staff && staffAuthored) ? note.AuthorId : null;
        return new NoteView(
            note.Id,
            note.ColumnId,
            note.ClusterId,
            note.Text,
            note.Anonymous,
            staff || identified ? note.AuthorKind : null,
            authorId,
            guest && identified ? nicknames.GetValueOrDefault(note.AuthorId) : null,
            me is not null && note.AuthorId == me,
            note.Posted,
            note.Hidden,
            staff ? note.HiddenReason : null,
            note.LedTo);
    }

    private static RoundView Round(OpenRound round, bool staff, string? me)
    {
        var mine = me is null
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : round.Dots.Where(d => d.ParticipantId == me).ToDictionary(d => d.NoteId, d => d.Count, StringComparer.Ordinal);
        Dictionary<string, int>? totals = staff || round.TotalsLive
            ? round.Dots.GroupBy(d => d.NoteId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal)
            : null;
        var left = me is null ? 0 : round.DotsPerPerson - mine.Values.Sum();
        return new RoundView(round.Number, round.DotsPerPerson, round.TotalsLive, round.Opened, totals, mine, left);
    }
}
