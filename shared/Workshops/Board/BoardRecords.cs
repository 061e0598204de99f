namespace LivingLab.Workshops.Board;

/// <summary>
/// What a facilitator sends to open a live session: the column titles (1–8, e.g. 困りごと / 原因 / アイデア) for the
/// first session. Reopening a board that already has columns keeps them and its notes: send null (columns are then
/// edited one by one while the session is open).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardSetupInput")]
public sealed record BoardSetupInput(IReadOnlyList<string>? Columns);

/// <summary>
/// A note to post: the column, the text (1–280 characters), whether other participants see who wrote it, and for staff
/// only whether it was typed in from paper for someone without a device.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.NoteInput")]
public sealed record NoteInput(string? ColumnId, string? Text, bool Anonymous = false, bool ProxyEntered = false);

/// <summary>A dot-voting round: dots per person (1–10) and whether totals show while it is open.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.RoundInput")]
public sealed record RoundInput(int DotsPerPerson, bool TotalsLive);

/// <summary>
/// What a guest gets on joining: the id to send under <c>BoardGuest.IdKey</c> with every later call, the nickname as
/// stored, and the session it is valid for (a pass from an earlier session is refused).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.GuestPass")]
public sealed record GuestPass(string GuestId, string Nickname, int Session);

/// <summary>Where the board's live session stands.</summary>
[GenerateSerializer]
[Alias("ll.BoardSessionState")]
public enum BoardSessionState
{
    /// <summary>No session was ever opened: no columns, no notes.</summary>
    NotOpened,

    /// <summary>A session runs: participants post, dot and join.</summary>
    Open,

    /// <summary>The last session closed: the board is frozen and readable.</summary>
    Closed,
}

/// <summary>Who wrote a note, as staff always see it.</summary>
[GenerateSerializer]
[Alias("ll.NoteAuthorKind")]
public enum NoteAuthorKind
{
    /// <summary>A signed-in participant holding a seat.</summary>
    Registered,

    /// <summary>A guest who joined with the room code.</summary>
    Guest,

    /// <summary>A facilitator or admin writing as themselves.</summary>
    Staff,

    /// <summary>Typed in by staff from paper for someone without a device.</summary>
    Proxy,
}

/// <summary>How the caller takes part, as <see cref="BoardViews"/> decides it.</summary>
[GenerateSerializer]
[Alias("ll.BoardViewerKind")]
public enum BoardViewerKind
{
    /// <summary>Nobody signed in and no valid guest pass: the public, read-only view without authors.</summary>
    Public,

    /// <summary>Signed in but not (yet) a participant: the public view; <c>JoinAsync</c> may make them one.</summary>
    SignedIn,

    /// <summary>A signed-in participant (joined with a seat).</summary>
    Participant,

    /// <summary>A guest of the current session.</summary>
    Guest,

    /// <summary>A facilitator or admin: everything, hidden notes and the guest list included.</summary>
    Staff,
}

/// <summary>One column of the board, in board order.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardColumn")]
public sealed record BoardColumn(string Id, string Title);

/// <summary>A titled group of notes within one column; <see cref="LedTo"/>: the ideas and challenges it was promoted to.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardCluster")]
public sealed record BoardCluster(string Id, string ColumnId, string Title, IReadOnlyList<BoardOutcome>? LedTo = null);

/// <summary>
/// One note with everything known about it (the trusted snapshot; readers get <see cref="NoteView"/>).
/// <see cref="AuthorId"/> is a person's id, or a guest id for a guest; for a proxy note, the staff member who typed it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardNote")]
public sealed record BoardNote(
    string Id,
    string ColumnId,
    string? ClusterId,
    double Position,
    string Text,
    string AuthorId,
    NoteAuthorKind AuthorKind,
    bool Anonymous,
    DateTimeOffset Posted,
    bool Hidden,
    string? HiddenReason,
    IReadOnlyList<BoardOutcome>? LedTo = null);

/// <summary>How many dots one participant (person or guest id) has on one note in the open round.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.DotCount")]
public sealed record DotCount(string ParticipantId, string NoteId, int Count);

/// <summary>The open round in full: its settings and every participant's dots per note.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.OpenRound")]
public sealed record OpenRound(int Number, int DotsPerPerson, bool TotalsLive, DateTimeOffset Opened, IReadOnlyList<DotCount> Dots);

/// <summary>A note's dots in a closed round.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.NoteTotal")]
public sealed record NoteTotal(string NoteId, int Dots);

/// <summary>A cluster's dots in a closed round: the sum over the notes it held when the round closed.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.ClusterTotal")]
public sealed record ClusterTotal(string ClusterId, int Dots);

/// <summary>
/// A closed round's frozen result: totals per note and per cluster (most dots first; notes with no dot left out) as
/// they stood when it closed.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.RoundResult")]
public sealed record RoundResult(
    int Number,
    int DotsPerPerson,
    bool TotalsLive,
    DateTimeOffset Opened,
    DateTimeOffset Closed,
    IReadOnlyList<NoteTotal> Notes,
    IReadOnlyList<ClusterTotal> Clusters);

/// <summary>A guest of the current session, for staff (the nickname stays with the board, never in an event).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardGuestEntry")]
public sealed record BoardGuestEntry(string GuestId, string Nickname, DateTimeOffset Joined, bool Removed);

/// <summary>
/// The WHOLE board as of one durable change, for the trusted web host, which renders it per viewer with
/// <see cref="BoardViews.For"/>: authors of anonymous notes, hidden notes, every participant's dots, the guests and the
/// room code included. Never send it to a browser. <see cref="Sequence"/> moves on with every durable change (stored,
/// so it never goes back on a new activation): keep the highest seen, as one-way notifications may overtake each other.
/// Notes are in board order: by column, then position.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardSnapshot")]
public sealed record BoardSnapshot(
    string WorkshopId,
    long Sequence,
    BoardSessionState State,
    int Session,
    string? RoomCode,
    IReadOnlyList<BoardColumn> Columns,
    IReadOnlyList<BoardCluster> Clusters,
    IReadOnlyList<BoardNote> Notes,
    OpenRound? OpenRound,
    IReadOnlyList<RoundResult> PastRounds,
    DateTimeOffset? TimerEndsAt,
    IReadOnlyList<BoardGuestEntry> Guests,
    IReadOnlyList<string> Participants);

/// <summary>
/// One note as a viewer sees it. Author fields are null where the viewer may not know them: <see cref="AuthorKind"/> is
/// always set for staff, and for others only on a note that is not anonymous; <see cref="AuthorId"/> (a person id) and
/// <see cref="GuestNickname"/> only on a note that is not anonymous, and never in the public view. <see cref="Mine"/>
/// tells the author their own note, anonymous or not. Hidden notes reach staff only, with the reason.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.NoteView")]
public sealed record NoteView(
    string Id,
    string ColumnId,
    string? ClusterId,
    string Text,
    bool Anonymous,
    NoteAuthorKind? AuthorKind,
    string? AuthorId,
    string? GuestNickname,
    bool Mine,
    DateTimeOffset Posted,
    bool Hidden,
    string? HiddenReason,
    IReadOnlyList<BoardOutcome>? LedTo = null);

/// <summary>
/// The open round as a viewer sees it: totals per note id (null while they are hidden: staff always see them), the
/// viewer's own dots per note id and how many they have left (0 for a viewer who does not take part).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.RoundView")]
public sealed record RoundView(
    int Number,
    int DotsPerPerson,
    bool TotalsLive,
    DateTimeOffset Opened,
    IReadOnlyDictionary<string, int>? Totals,
    IReadOnlyDictionary<string, int> MyDots,
    int DotsLeft);

/// <summary>
/// The board as one viewer sees it (<see cref="BoardViews.For"/>): columns, clusters, the notes they may see in board
/// order, the open round, past results, the timer's end (server clock: screens count down from it themselves), and for
/// staff only the room code and the guests.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardView")]
public sealed record BoardView(
    string WorkshopId,
    long Sequence,
    BoardSessionState State,
    int Session,
    BoardViewerKind Viewer,
    IReadOnlyList<BoardColumn> Columns,
    IReadOnlyList<BoardCluster> Clusters,
    IReadOnlyList<NoteView> Notes,
    RoundView? Round,
    IReadOnlyList<RoundResult> PastRounds,
    DateTimeOffset? TimerEndsAt,
    string? RoomCode,
    IReadOnlyList<BoardGuestEntry>? Guests);

/// <summary>
/// Who reads the board: a person (staff or not), a guest id, or nobody. <see cref="FromCaller"/> reads the grain call's
/// context; the web host builds one per connection to render a <see cref="BoardSnapshot"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.BoardViewer")]
public sealed record BoardViewer(string? PersonId, string? GuestId, bool Staff)
{
    /// <summary>The viewer of the current grain call: the caller's person, else the guest id it carries.</summary>
    public static BoardViewer FromCaller()
    {
        if (LivingLab.People.Caller.Id is { } person)
        {
            var staff = LivingLab.People.Caller.IsAdmin || LivingLab.People.Caller.IsInRole(LivingLab.People.Roles.Facilitator);
            return new BoardViewer(person, null, staff);
        }

        return new BoardViewer(null, LivingLab.People.BoardGuest.Id, false);
    }
}
