using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Workshops.Board;

/// <summary>
/// A workshop's live co-creation board (key: the workshop id): sessions with a room code, columns, notes, clusters,
/// dot-voting rounds and a timer. Staff (facilitators, admins) run it; signed-in people with a seat join with
/// <see cref="JoinAsync"/>; people in the room join as guests with the room code (their calls carry
/// <c>BoardGuest.IdKey</c>). Checks the caller itself; refusals are reason codes. Reads the workshop grain, which never
/// calls back.
/// </summary>
[Alias("ll.IWorkshopBoardGrain")]
public interface IWorkshopBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Staff open a live session with a NEW room code: the first session with its columns, a later one keeping the
    /// columns and notes (send null columns; "boardHasColumns" otherwise). Refused with "notFound" (no such workshop),
    /// "workshopCancelled", "sessionOpen".
    /// </summary>
    [Alias("OpenSessionAsync")]
    Task<CommandResult<BoardView>> OpenSessionAsync(BoardSetupInput input);

    /// <summary>
    /// Staff close the session: an open round closes (its result recorded), the room code stops working and the board
    /// freezes (posting, dots and joins are refused with "sessionClosed"). "sessionNotOpen" when none is open.
    /// </summary>
    [Alias("CloseSessionAsync")]
    Task<CommandResult<BoardView>> CloseSessionAsync();

    /// <summary>Staff add a column at the end while the session is open ("tooMany" beyond 8).</summary>
    [Alias("AddColumnAsync")]
    Task<CommandResult<BoardColumn>> AddColumnAsync(string? title);

    /// <summary>Staff rename a column while the session is open ("columnNotFound").</summary>
    [Alias("RenameColumnAsync")]
    Task<CommandResult> RenameColumnAsync(string columnId, string? title);

    /// <summary>Staff move a column to <paramref name="index"/> (0-based, clamped to the board) while the session is open.</summary>
    [Alias("MoveColumnAsync")]
    Task<CommandResult> MoveColumnAsync(string columnId, int index);

    /// <summary>
    /// Staff remove a column with no note in it (hidden ones count: "columnNotEmpty"), with its empty clusters; the last
    /// column stays ("lastColumn").
    /// </summary>
    [Alias("RemoveColumnAsync")]
    Task<CommandResult> RemoveColumnAsync(string columnId);

    /// <summary>
    /// A signed-in person joins: staff need not; anyone else needs a seat (RegistrationStatus.Registered) in the
    /// workshop ("notRegistered"). Joining twice is fine. Refused with "sessionNotOpen" / "sessionClosed".
    /// </summary>
    [Alias("JoinAsync")]
    Task<CommandResult<BoardView>> JoinAsync();

    /// <summary>
    /// Someone in the room joins with the room code and a nickname (1–30 characters): "wrongRoomCode",
    /// "guestsNotAllowed", "sessionClosed" / "sessionNotOpen". Returns the pass whose id later calls carry.
    /// </summary>
    [Alias("JoinAsGuestAsync")]
    Task<CommandResult<GuestPass>> JoinAsGuestAsync(string? roomCode, string? nickname);

    /// <summary>
    /// Staff remove a guest of the current session: their later calls are refused ("guestRemoved"), their dots in the
    /// open round are dropped (the answer says how many); their notes stay (staff may hide them). "guestNotFound".
    /// </summary>
    [Alias("RemoveGuestAsync")]
    Task<CommandResult<int>> RemoveGuestAsync(string guestId);

    /// <summary>
    /// A participant, guest or staff member posts a note (1–280 characters) into a column ("columnNotFound").
    /// ProxyEntered is for staff only ("forbidden"); guests post at most 6 notes a minute ("tooManyNotes").
    /// </summary>
    [Alias("PostNoteAsync")]
    Task<CommandResult<NoteView>> PostNoteAsync(NoteInput input);

    /// <summary>
    /// Staff move a note into a column, before <paramref name="beforeNoteId"/> (null: at the end). A note leaving its
    /// cluster's column leaves the cluster. "noteNotFound", "columnNotFound".
    /// </summary>
    [Alias("MoveNoteAsync")]
    Task<CommandResult> MoveNoteAsync(string noteId, string columnId, string? beforeNoteId);

    /// <summary>Staff create a titled cluster in a column.</summary>
    [Alias("CreateClusterAsync")]
    Task<CommandResult<BoardCluster>> CreateClusterAsync(string columnId, string? title);

    /// <summary>Staff rename a cluster ("clusterNotFound").</summary>
    [Alias("RenameClusterAsync")]
    Task<CommandResult> RenameClusterAsync(string clusterId, string? title);

    /// <summary>Staff put a note into a cluster (moving it to the cluster's column, at its end), or take it out with null.</summary>
    [Alias("ClusterNoteAsync")]
    Task<CommandResult> ClusterNoteAsync(string noteId, string? clusterId);

    /// <summary>
    /// Staff hide a note with a reason (required); it stays for staff. Its dots in the open round are dropped: the answer
    /// is how many. Possible after the session closed too, to take down a note later; "noteHidden" when already hidden.
    /// </summary>
    [Alias("HideNoteAsync")]
    Task<CommandResult<int>> HideNoteAsync(string noteId, string? reason);

    /// <summary>Staff open a dot-voting round (1–10 dots per person): "roundOpen" while one is open.</summary>
    [Alias("OpenRoundAsync")]
    Task<CommandResult<RoundView>> OpenRoundAsync(RoundInput input);

    /// <summary>Staff close the open round ("noRound" / "roundClosed"), freezing and recording its result.</summary>
    [Alias("CloseRoundAsync")]
    Task<CommandResult<RoundResult>> CloseRoundAsync();

    /// <summary>
    /// Places one of the caller's dots on a note (several on one note are fine): "noDotsLeft" past the round's number,
    /// however many calls race; "noRound", "roundClosed", "noteHidden", "noteNotFound", "notParticipant". Returns the
    /// caller's dots left. Interleaves, so concurrent dots share writes.
    /// </summary>
    [AlwaysInterleave]
    [Alias("PlaceDotAsync")]
    Task<CommandResult<int>> PlaceDotAsync(string noteId);

    /// <summary>Takes one of the caller's dots back from a note ("noDotOnNote"); returns the dots left.</summary>
    [AlwaysInterleave]
    [Alias("RemoveDotAsync")]
    Task<CommandResult<int>> RemoveDotAsync(string noteId);

    /// <summary>
    /// Staff promote a note or a cluster: it becomes a new idea in discovery (id <c>Ids.For("workshop-idea", workshop,
    /// source)</c>, so a retry reaches the same idea) or joins an open idea or a challenge, with the workshop on its
    /// timeline. The note or cluster records what it led to. "noteNotFound", "clusterNotFound", "noteHidden"; the
    /// idea's or challenge's refusals come back as they are. The idea or challenge never calls the board.
    /// </summary>
    [Alias("PromoteAsync")]
    Task<CommandResult<BoardOutcome>> PromoteAsync(PromoteInput input);

    /// <summary>Staff start (or restart) the countdown: 10–7200 seconds from now on the server clock; returns the end.</summary>
    [Alias("StartTimerAsync")]
    Task<CommandResult<DateTimeOffset>> StartTimerAsync(int seconds);

    /// <summary>Staff stop the countdown.</summary>
    [Alias("StopTimerAsync")]
    Task<CommandResult> StopTimerAsync();

    /// <summary>
    /// The board as the caller sees it (<see cref="BoardViews.For"/>). Anyone may read: someone not taking part (not
    /// signed in, no valid guest pass, or signed in without joining) gets the public view, without authors, room code
    /// or guests, as a projector in the room shows it anyway.
    /// </summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<BoardView> GetAsync();

    /// <summary>
    /// Subscribes the web host's observer (staff or the system caller only: it receives everything); renew within
    /// <c>LiveSubscriptions.Lifetime</c>. Returns the board as it stands.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SubscribeAsync")]
    Task<CommandResult<BoardSnapshot>> SubscribeAsync(IBoardObserver observer);

    /// <summary>Ends a subscription.</summary>
    [AlwaysInterleave]
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IBoardObserver observer);
}
