namespace LivingLab.Workshops.Board;

/// <summary>
/// The events a live board records (JSON, camelCase). They name people and guests by id only: no nickname, no room
/// code. A note's text is public content and stays in NotePosted. The dots are checkable against them: for each round,
/// the dots placed, less those removed and those dropped (a hidden note, a removed guest), are the closed round's totals.
/// </summary>
public static class BoardEvents
{
    public const string SessionOpened = "BoardSessionOpened";
    public const string SessionClosed = "BoardSessionClosed";
    public const string ColumnsChanged = "BoardColumnsChanged";
    public const string ParticipantJoined = "BoardParticipantJoined";
    public const string GuestJoined = "BoardGuestJoined";
    public const string GuestRemoved = "BoardGuestRemoved";
    public const string NotePosted = "BoardNotePosted";
    public const string NoteMoved = "BoardNoteMoved";
    public const string NoteClustered = "BoardNoteClustered";
    public const string NoteHidden = "BoardNoteHidden";
    public const string ClusterCreated = "BoardClusterCreated";
    public const string ClusterRenamed = "BoardClusterRenamed";
    public const string RoundOpened = "BoardRoundOpened";
    public const string RoundClosed = "BoardRoundClosed";
    public const string DotPlaced = "BoardDotPlaced";
    public const string DotRemoved = "BoardDotRemoved";
    public const string TimerStarted = "BoardTimerStarted";
    public const string TimerStopped = "BoardTimerStopped";
    public const string Promoted = "BoardPromoted";
}

/// <summary>BoardSessionOpened: the session's number and the columns it starts with.</summary>
public sealed record BoardSessionOpenedEvent(string WorkshopId, int Session, IReadOnlyList<BoardColumn> Columns);

/// <summary>BoardSessionClosed: the session's number, and the round it closed on the way (if one was open).</summary>
public sealed record BoardSessionClosedEvent(string WorkshopId, int Session, int? ClosedRound);

/// <summary>BoardColumnsChanged: the columns after a column was added, renamed, moved or removed.</summary>
public sealed record BoardColumnsChangedEvent(string WorkshopId, IReadOnlyList<BoardColumn> Columns);

/// <summary>BoardParticipantJoined: a signed-in person with a seat joined the board.</summary>
public sealed record BoardParticipantJoinedEvent(string WorkshopId, string PersonId);

/// <summary>BoardGuestJoined / BoardGuestRemoved: a guest by id only; a removal names the dots it dropped.</summary>
public sealed record BoardGuestEvent(string WorkshopId, int Session, string GuestId, IReadOnlyList<DotCount> DotsDropped);

/// <summary>BoardNotePosted: the note as posted; AuthorId is a person's id or a guest id (the staff member's for a proxy note).</summary>
public sealed record BoardNotePostedEvent(string WorkshopId, string NoteId, string ColumnId, string Text, string AuthorId, string AuthorKind, bool Anonymous);

/// <summary>BoardNoteMoved / BoardNoteClustered: where a note is after the change.</summary>
public sealed record BoardNotePlacedEvent(string WorkshopId, string NoteId, string ColumnId, string? ClusterId);

/// <summary>BoardNoteHidden: the reason, and every dot the open round lost with it.</summary>
public sealed record BoardNoteHiddenEvent(string WorkshopId, string NoteId, string Reason, int? Round, IReadOnlyList<DotCount> DotsDropped);

/// <summary>BoardClusterCreated / BoardClusterRenamed.</summary>
public sealed record BoardClusterEvent(string WorkshopId, string ClusterId, string ColumnId, string Title);

/// <summary>BoardRoundOpened: the round's number and settings.</summary>
public sealed record BoardRoundOpenedEvent(string WorkshopId, int Round, int DotsPerPerson, bool TotalsLive);

/// <summary>BoardRoundClosed: the frozen result.</summary>
public sealed record BoardRoundClosedEvent(string WorkshopId, int Round, IReadOnlyList<NoteTotal> Notes, IReadOnlyList<ClusterTotal> Clusters);

/// <summary>BoardDotPlaced / BoardDotRemoved: one dot, by a person's or a guest's id, and the note's total after it.</summary>
public sealed record BoardDotEvent(string WorkshopId, int Round, string NoteId, string ParticipantId, int NoteTotal);

/// <summary>BoardTimerStarted / BoardTimerStopped: the end time on the server clock (null when stopped).</summary>
public sealed record BoardTimerEvent(string WorkshopId, DateTimeOffset? EndsAt);

/// <summary>BoardPromoted: a note or cluster (`note` / `cluster`) became or joined an idea or challenge (`newIdea`, `idea`, `challenge`).</summary>
public sealed record BoardPromotedEvent(string WorkshopId, string SourceKind, string SourceId, string Target, string TargetId);
