using LivingLab.Common;
using LivingLab.Hosting;
using LivingLab.People;
using LivingLab.Rows;
using LivingLab.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Workshops.Board;

/// <summary>
/// A workshop's live board: sessions with a room code, columns, notes, clusters, dot rounds and a timer. Every change
/// goes through one <see cref="StateCommitter{TState}"/>, so the dots of a whole room (interleaved calls) share writes,
/// and the observers hear of a change only once it is durable: the last change of each write publishes the snapshot.
/// </summary>
public sealed partial class WorkshopBoardGrain(
    [EventedState("board")] IEventedState<BoardState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IWorkshopBoardGrain
{
    private const string GuestPrefix = "guest-";
    private const int MaxCodeAttempts = 20;

    private readonly StateCommitter<BoardState> committer = new(state);
    private readonly BoardRows rows = new();
    private readonly BoardObservers live = new();

    // Kept in memory only: a guest who posts a burst and then meets a new activation gets a fresh minute, which is fine
    // for a limit against a phone spamming the projector.
    private readonly Dictionary<string, Queue<DateTimeOffset>> guestPosts = new(StringComparer.Ordinal);

    private BoardState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private static bool CallerIsStaff => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    private RoundState? OpenRoundState => S.Rounds.Count > 0 && S.Rounds[^1].Closed is null ? S.Rounds[^1] : null;

    public async Task<CommandResult<BoardView>> OpenSessionAsync(BoardSetupInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rows.LoadAsync(state);
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<BoardView>(null, refused);
        }

        if (S.SessionState == BoardSessionState.Open)
        {
            return CommandResult<BoardView>.Reject("sessionOpen");
        }

        if (S.Columns.Count > 0 && input.Columns is { Count: > 0 })
        {
            return CommandResult<BoardView>.Reject("boardHasColumns", "columns");
        }

        if (S.Columns.Count == 0 && BoardRules.CheckColumns(input.Columns) is { } invalid)
        {
            return new CommandResult<BoardView>(null, invalid);
        }

        if (await CheckWorkshopAsync() is { } unavailable)
        {
            return new CommandResult<BoardView>(null, unavailable);
        }

        var code = await ClaimRoomCodeAsync();
        S.Session++;
        S.SessionState = BoardSessionState.Open;
        S.RoomCode = code;
        if (S.Columns.Count == 0)
        {
            S.Columns = [.. input.Columns!.Select(t => new ColumnState { Id = Ids.New(), Title = TextRules.Normalize(t) })];
        }

        await CommitAsync([Event(BoardEvents.SessionOpened, new BoardSessionOpenedEvent(Id, S.Session, Columns()))]);
        return CommandResult<BoardView>.Success(ViewForCaller());
    }

    public async Task<CommandResult<BoardView>> CloseSessionAsync()
    {
        await rows.LoadAsync(state);
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<BoardView>(null, refused);
        }

        if (S.SessionState != BoardSessionState.Open)
        {
            return CommandResult<BoardView>.Reject("sessionNotOpen");
        }

        var events = new List<DomainEvent>();
        var closedRound = OpenRoundState is { } round ? CloseRound(round, events) : null;
        var code = S.RoomCode;
        S.SessionState = BoardSessionState.Closed;
        S.RoomCode = null;
        S.TimerEndsAt = null;
        events.Add(Event(BoardEvents.SessionClosed, new BoardSessionClosedEvent(Id, S.Session, closedRound?.Number)));
        await CommitAsync(events);
        // After the write: a failed release leaves a code pointing at a closed board, which refuses it anyway.
        if (code is not null)
        {
            await GrainFactory.GetGrain<IRoomCodeGrain>(code).ReleaseAsync(Id);
        }

        return CommandResult<BoardView>.Success(ViewForCaller());
    }

    public async Task<CommandResult<BoardColumn>> AddColumnAsync(string? title)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen() ?? BoardRules.CheckColumnTitle(title)) is { } refused)
        {
            return new CommandResult<BoardColumn>(null, refused);
        }

        if (S.Columns.Count >= BoardRules.MaxColumns)
        {
            return new CommandResult<BoardColumn>(null, TextRules.Limit("tooMany", "columns", BoardRules.MaxColumns));
        }

        var column = new ColumnState { Id = Ids.New(), Title = TextRules.Normalize(title) };
        S.Columns.Add(column);
        await CommitAsync([ColumnsChanged()]);
        return CommandResult<BoardColumn>.Success(new BoardColumn(column.Id, column.Title));
    }

    public async Task<CommandResult> RenameColumnAsync(string columnId, string? title)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen() ?? BoardRules.CheckColumnTitle(title)) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (FindColumn(columnId) is not { } column)
        {
            return CommandResult.Reject("columnNotFound", "columnId");
        }

        column.Title = TextRules.Normalize(title);
        await CommitAsync([ColumnsChanged()]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> MoveColumnAsync(string columnId, int index)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (FindColumn(columnId) is not { } column)
        {
            return CommandResult.Reject("columnNotFound", "columnId");
        }

        S.Columns.Remove(column);
        S.Columns.Insert(Math.Clamp(index, 0, S.Columns.Count), column);
        await CommitAsync([ColumnsChanged()]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveColumnAsync(string columnId)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (FindColumn(columnId) is not { } column)
        {
            return CommandResult.Reject("columnNotFound", "columnId");
        }

        if (rows.Notes.Values.Any(n => n.ColumnId == column.Id))
        {
            return CommandResult.Reject("columnNotEmpty", "columnId");
        }

        if (S.Columns.Count <= BoardRules.MinColumns)
        {
            return CommandResult.Reject("lastColumn", "columnId");
        }

        S.Columns.Remove(column);
        S.Clusters.RemoveAll(c => c.ColumnId == column.Id);
        await CommitAsync([ColumnsChanged()]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult<BoardView>> JoinAsync()
    {
        await rows.LoadAsync(state);
        if (!Caller.IsAuthenticated)
        {
            return CommandResult<BoardView>.Reject("unauthenticated");
        }

        if (CheckSessionOpen() is { } closed)
        {
            return new CommandResult<BoardView>(null, closed);
        }

        var me = Caller.Id!;
        if (CallerIsStaff || rows.Participants.ContainsKey(me))
        {
            await committer.WhenDurableAsync();
            return CommandResult<BoardView>.Success(ViewForCaller());
        }

        // Asked once: later calls trust the participant row (a seat given up mid-session does not throw anyone out).
        var workshop = await GrainFactory.GetGrain<IWorkshopGrain>(Id).GetAsync();
        var refused = workshop is null ? new Rejection("notFound")
            : workshop.Status == WorkshopStatus.Cancelled ? new Rejection("workshopCancelled")
            : workshop.Mine?.Status != RegistrationStatus.Registered ? new Rejection("notRegistered")
            : CheckSessionOpen();
        if (refused is not null)
        {
            return new CommandResult<BoardView>(null, refused);
        }

        if (rows.Participants.ContainsKey(me))
        {
            await committer.WhenDurableAsync();
            return CommandResult<BoardView>.Success(ViewForCaller());
        }

        var row = rows.PutParticipant(me, new ParticipantRow(clock.GetUtcNow()));
        await CommitAsync([Event(BoardEvents.ParticipantJoined, new BoardParticipantJoinedEvent(Id, me))], [row]);
        return CommandResult<BoardView>.Success(ViewForCaller());
    }

    public async Task<CommandResult<GuestPass>> JoinAsGuestAsync(string? roomCode, string? nickname)
    {
        await rows.LoadAsync(state);
        if (CheckSessionOpen() is { } closed)
        {
            return new CommandResult<GuestPass>(null, closed);
        }

        if (BoardRules.NormalizeRoomCode(roomCode) != S.RoomCode)
        {
            return CommandResult<GuestPass>.Reject("wrongRoomCode", "roomCode");
        }

        if (BoardRules.CheckNickname(nickname) is { } invalid)
        {
            return new CommandResult<GuestPass>(null, invalid);
        }

        // Read each time, not kept: a facilitator who turns guests off in the workshop stops new guests at once.
        var workshop = await GrainFactory.GetGrain<IWorkshopGrain>(Id).GetAsync();
        var refused = workshop is null ? new Rejection("notFound")
            : !workshop.GuestsAllowed ? new Rejection("guestsNotAllowed")
            : CheckSessionOpen();
        if (refused is not null)
        {
            return new CommandResult<GuestPass>(null, refused);
        }

        var guestId = GuestPrefix + Ids.New();
        var pass = new GuestPass(guestId, TextRules.Normalize(nickname), S.Session);
        var row = rows.PutGuest(guestId, new GuestRow(pass.Nickname, S.Session, clock.GetUtcNow()));
        await CommitAsync([Event(BoardEvents.GuestJoined, new BoardGuestEvent(Id, S.Session, guestId, []))], [row]);
        return CommandResult<GuestPass>.Success(pass);
    }

    public async Task<CommandResult<int>> RemoveGuestAsync(string guestId)
    {
        await rows.LoadAsync(state);
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (guestId is null || !rows.Guests.TryGetValue(guestId, out var guest) || guest.Session != S.Session)
        {
            return CommandResult<int>.Reject("guestNotFound", "guestId");
        }

        if (guest.Removed)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Success(0);
        }

        var changes = new List<RowChange> { rows.PutGuest(guestId, guest with { Removed = true }) };
        var dropped = DropDots(d => d.Participant == guestId, changes);
        guestPosts.Remove(guestId);
        await CommitAsync([Event(BoardEvents.GuestRemoved, new BoardGuestEvent(Id, S.Session, guestId, dropped))], changes);
        return CommandResult<int>.Success(dropped.Sum(d => d.Count));
    }

    public async Task<CommandResult<NoteView>> PostNoteAsync(NoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rows.LoadAsync(state);
        if (CheckSessionOpen() is { } closed)
        {
            return new CommandResult<NoteView>(null, closed);
        }

        if (Identify(out var who) is { } stranger)
        {
            return new CommandResult<NoteView>(null, stranger);
        }

        var refused = input.ProxyEntered && !who.Staff ? new Rejection("forbidden", "proxyEntered")
            : FindColumn(input.ColumnId) is null ? new Rejection("columnNotFound", "columnId")
            : BoardRules.CheckNoteText(input.Text);
        if (refused is not null)
        {
            return new CommandResult<NoteView>(null, refused);
        }

        var now = clock.GetUtcNow();
        if (who.Kind == NoteAuthorKind.Guest && !TakeGuestPost(who.Id, now))
        {
            return new CommandResult<NoteView>(null, TextRules.Limit("tooManyNotes", "text", BoardRules.GuestNotesPerWindow));
        }

        var kind = who.Staff && input.ProxyEntered ? NoteAuthorKind.Proxy : who.Kind;
        var noteId = Ids.New();
        var note = new NoteRow(input.ColumnId!, null, EndOf(input.ColumnId!), TextRules.Normalize(input.Text), who.Id, kind, input.Anonymous, now);
        var row = rows.PutNote(noteId, note);
        await CommitAsync([Event(BoardEvents.NotePosted, new BoardNotePostedEvent(
            Id, noteId, note.ColumnId, note.Text, note.AuthorId, KindName(kind), note.Anonymous))], [row]);
        var nickname = kind == NoteAuthorKind.Guest ? rows.Guests[who.Id].Nickname : null;
        return CommandResult<NoteView>.Success(new NoteView(noteId, note.ColumnId, null, note.Text, note.Anonymous, kind,
            kind == NoteAuthorKind.Guest ? null : who.Id, nickname, true, now, false, null));
    }

    public async Task<CommandResult> MoveNoteAsync(string noteId, string columnId, string? beforeNoteId)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (noteId is null || !rows.Notes.TryGetValue(noteId, out var note))
        {
            return CommandResult.Reject("noteNotFound", "noteId");
        }

        if (FindColumn(columnId) is null)
        {
            return CommandResult.Reject("columnNotFound", "columnId");
        }

        NoteRow? before = null;
        if (beforeNoteId is not null && (beforeNoteId == noteId || !rows.Notes.TryGetValue(beforeNoteId, out before) || before.ColumnId != columnId))
        {
            return CommandResult.Reject("noteNotFound", "beforeNoteId");
        }

        var changes = new List<RowChange>();
        var position = before is null ? EndOf(columnId, noteId) : PositionBefore(beforeNoteId!, noteId, columnId, changes);
        // A cluster lives in one column: a note carried out of it leaves the cluster.
        var cluster = note.ClusterId is { } c && S.Clusters.Any(k => k.Id == c && k.ColumnId == columnId) ? c : null;
        var moved = rows.Notes[noteId] with { ColumnId = columnId, Position = position, ClusterId = cluster };
        changes.Add(rows.PutNote(noteId, moved));
        await CommitAsync([Event(BoardEvents.NoteMoved, new BoardNotePlacedEvent(Id, noteId, columnId, cluster))], changes);
        return CommandResult.Ok;
    }

    public async Task<CommandResult<BoardCluster>> CreateClusterAsync(string columnId, string? title)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen() ?? BoardRules.CheckClusterTitle(title)) is { } refused)
        {
            return new CommandResult<BoardCluster>(null, refused);
        }

        if (FindColumn(columnId) is null)
        {
            return CommandResult<BoardCluster>.Reject("columnNotFound", "columnId");
        }

        var cluster = new ClusterState { Id = Ids.New(), ColumnId = columnId, Title = TextRules.Normalize(title) };
        S.Clusters.Add(cluster);
        await CommitAsync([Event(BoardEvents.ClusterCreated, new BoardClusterEvent(Id, cluster.Id, cluster.ColumnId, cluster.Title))]);
        return CommandResult<BoardCluster>.Success(new BoardCluster(cluster.Id, cluster.ColumnId, cluster.Title));
    }

    public async Task<CommandResult> RenameClusterAsync(string clusterId, string? title)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen() ?? BoardRules.CheckClusterTitle(title)) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (S.Clusters.Find(c => c.Id == clusterId) is not { } cluster)
        {
            return CommandResult.Reject("clusterNotFound", "clusterId");
        }

        cluster.Title = TextRules.Normalize(title);
        await CommitAsync([Event(BoardEvents.ClusterRenamed, new BoardClusterEvent(Id, cluster.Id, cluster.ColumnId, cluster.Title))]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ClusterNoteAsync(string noteId, string? clusterId)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (noteId is null || !rows.Notes.TryGetValue(noteId, out var note))
        {
            return CommandResult.Reject("noteNotFound", "noteId");
        }

        ClusterState? cluster = null;
        if (clusterId is not null && (cluster = S.Clusters.Find(c => c.Id == clusterId)) is null)
        {
            return CommandResult.Reject("clusterNotFound", "clusterId");
        }

        var placed = cluster is null
            ? note with { ClusterId = null }
            : note with { ClusterId = cluster.Id, ColumnId = cluster.ColumnId, Position = note.ClusterId == cluster.Id ? note.Position : EndOf(cluster.ColumnId, noteId) };
        var row = rows.PutNote(noteId, placed);
        await CommitAsync([Event(BoardEvents.NoteClustered, new BoardNotePlacedEvent(Id, noteId, placed.ColumnId, placed.ClusterId))], [row]);
        return CommandResult.Ok;
    }

    public async Task<CommandResult<int>> HideNoteAsync(string noteId, string? reason)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? BoardRules.CheckHideReason(reason)) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (noteId is null || !rows.Notes.TryGetValue(noteId, out var note))
        {
            return CommandResult<int>.Reject("noteNotFound", "noteId");
        }

        if (note.Hidden)
        {
            return CommandResult<int>.Reject("noteHidden", "noteId");
        }

        var text = TextRules.Normalize(reason);
        var changes = new List<RowChange> { rows.PutNote(noteId, note with { Hidden = true, HiddenReason = text, HiddenBy = Caller.Id }) };
        var dropped = DropDots(d => d.NoteId == noteId, changes);
        await CommitAsync([Event(BoardEvents.NoteHidden, new BoardNoteHiddenEvent(Id, noteId, text, OpenRoundState?.Number, dropped))], changes);
        return CommandResult<int>.Success(dropped.Sum(d => d.Count));
    }

    public async Task<CommandResult<RoundView>> OpenRoundAsync(RoundInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult<RoundView>(null, refused);
        }

        if (OpenRoundState is not null)
        {
            return CommandResult<RoundView>.Reject("roundOpen");
        }

        if (BoardRules.Check(input) is { } invalid)
        {
            return new CommandResult<RoundView>(null, invalid);
        }

        var round = new RoundState
        {
            Number = S.Rounds.Count + 1,
            DotsPerPerson = input.DotsPerPerson,
            TotalsLive = input.TotalsLive,
            Opened = clock.GetUtcNow(),
        };
        S.Rounds.Add(round);
        await CommitAsync([Event(BoardEvents.RoundOpened, new BoardRoundOpenedEvent(Id, round.Number, round.DotsPerPerson, round.TotalsLive))]);
        return CommandResult<RoundView>.Success(ViewForCaller().Round!);
    }

    public async Task<CommandResult<RoundResult>> CloseRoundAsync()
    {
        await rows.LoadAsync(state);
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<RoundResult>(null, refused);
        }

        if (CheckRound() is { } noRound)
        {
            return new CommandResult<RoundResult>(null, noRound);
        }

        var events = new List<DomainEvent>();
        var result = CloseRound(OpenRoundState!, events);
        await CommitAsync(events);
        return CommandResult<RoundResult>.Success(result);
    }

    public async Task<CommandResult<int>> PlaceDotAsync(string noteId)
    {
        // Everything is loaded before the checks, and nothing awaits between them and the change: interleaved dots
        // each see the tallies every earlier dot left, so none can pass the limit.
        await rows.LoadAsync(state);
        if (CheckDot(noteId, out var who, out var round) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (rows.Used(round.Number, who.Id) >= round.DotsPerPerson)
        {
            // The refusal rests on dots that may not be durable yet: answer once they are.
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("noDotsLeft");
        }

        var row = rows.PutDot(round.Number, who.Id, noteId, rows.DotsOn(round.Number, who.Id, noteId) + 1);
        var left = round.DotsPerPerson - rows.Used(round.Number, who.Id);
        var total = rows.NoteTotal(round.Number, noteId);
        await CommitAsync([Event(BoardEvents.DotPlaced, new BoardDotEvent(Id, round.Number, noteId, who.Id, total))], [row]);
        return CommandResult<int>.Success(left);
    }

    public async Task<CommandResult<int>> RemoveDotAsync(string noteId)
    {
        await rows.LoadAsync(state);
        if (CheckDot(noteId, out var who, out var round) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        var mine = rows.DotsOn(round.Number, who.Id, noteId);
        if (mine == 0)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("noDotOnNote", "noteId");
        }

        var row = rows.PutDot(round.Number, who.Id, noteId, mine - 1);
        var left = round.DotsPerPerson - rows.Used(round.Number, who.Id);
        var total = rows.NoteTotal(round.Number, noteId);
        await CommitAsync([Event(BoardEvents.DotRemoved, new BoardDotEvent(Id, round.Number, noteId, who.Id, total))], [row]);
        return CommandResult<int>.Success(left);
    }

    public async Task<CommandResult<DateTimeOffset>> StartTimerAsync(int seconds)
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen() ?? BoardRules.CheckTimer(seconds)) is { } refused)
        {
            return new CommandResult<DateTimeOffset>(default, refused);
        }

        var ends = clock.GetUtcNow().AddSeconds(seconds);
        S.TimerEndsAt = ends;
        await CommitAsync([Event(BoardEvents.TimerStarted, new BoardTimerEvent(Id, ends))]);
        return CommandResult<DateTimeOffset>.Success(ends);
    }

    public async Task<CommandResult> StopTimerAsync()
    {
        await rows.LoadAsync(state);
        if ((CheckStaff() ?? CheckSessionOpen()) is { } refused)
        {
            return new CommandResult(refused);
        }

        if (S.TimerEndsAt is null)
        {
            return CommandResult.Ok;
        }

        S.TimerEndsAt = null;
        await CommitAsync([Event(BoardEvents.TimerStopped, new BoardTimerEvent(Id, null))]);
        return CommandResult.Ok;
    }

    public async Task<BoardView> GetAsync()
    {
        await rows.LoadAsync(state);
        return ViewForCaller();
    }

    public async Task<CommandResult<BoardSnapshot>> SubscribeAsync(IBoardObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        // The snapshot holds everything (authors of anonymous notes, guests, the room code): only the trusted host,
        // calling as staff or as the system, may receive it.
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<BoardSnapshot>(null, refused);
        }

        await rows.LoadAsync(state);
        live.Subscribe(observer, ServiceProvider);
        return CommandResult<BoardSnapshot>.Success(Snapshot());
    }

    public Task UnsubscribeAsync(IBoardObserver observer)
    {
        live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Moves the sequence on in the caller's turn (so the write stores it), commits, and publishes only if no later
    /// change came in meanwhile: when a batch of interleaved dots becomes durable, the last of them publishes for all.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<DomainEvent> events, IReadOnlyList<RowChange>? changes = null)
    {
        var sequence = ++S.Sequence;
        await committer.CommitAsync(events, changes);
        if (S.Sequence == sequence && live.Any)
        {
            live.Publish(Snapshot());
        }
    }

    private RoundResult CloseRound(RoundState round, List<DomainEvent> events)
    {
        var noteTotals = rows.RoundDots(round.Number).GroupBy(d => d.NoteId, StringComparer.Ordinal)
            .Select(g => (NoteId: g.Key, Dots: g.Sum(d => d.Count))).Where(t => t.Dots > 0).ToList();
        round.NoteTotals = noteTotals.ToDictionary(t => t.NoteId, t => t.Dots, StringComparer.Ordinal);
        round.ClusterTotals = noteTotals
            .Where(t => rows.Notes.TryGetValue(t.NoteId, out var n) && n.ClusterId is not null)
            .GroupBy(t => rows.Notes[t.NoteId].ClusterId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Dots), StringComparer.Ordinal);
        round.Closed = clock.GetUtcNow();
        var result = Result(round);
        events.Add(Event(BoardEvents.RoundClosed, new BoardRoundClosedEvent(Id, round.Number, result.Notes, result.Clusters)));
        return result;
    }

    // Takes back every dot of the open round that matches; the row changes go into the same write as the cause.
    private List<DotCount> DropDots(Func<DotRow, bool> which, List<RowChange> changes)
    {
        if (OpenRoundState is not { } round)
        {
            return [];
        }

        var dropped = rows.RoundDots(round.Number).Where(which).ToList();
        foreach (var dot in dropped)
        {
            changes.Add(rows.PutDot(round.Number, dot.Participant, dot.NoteId, 0));
        }

        return [.. dropped.Select(d => new DotCount(d.Participant, d.NoteId, d.Count))];
    }

    private Rejection? CheckDot(string noteId, out Who who, out RoundState round)
    {
        round = null!;
        who = default;
        if (CheckSessionOpen() is { } closed)
        {
            return closed;
        }

        if (Identify(out who) is { } stranger)
        {
            return stranger;
        }

        if (CheckRound() is { } noRound)
        {
            return noRound;
        }

        round = OpenRoundState!;
        return noteId is null || !rows.Notes.TryGetValue(noteId, out var note) ? new Rejection("noteNotFound", "noteId")
            : note.Hidden ? new Rejection("noteHidden", "noteId")
            : null;
    }

    private Rejection? CheckRound() =>
        S.Rounds.Count == 0 ? new Rejection("noRound")
        : OpenRoundState is null ? new Rejection("roundClosed")
        : null;

    // Who takes part in this call: staff as themselves, a joined person, or a guest of this session.
    private Rejection? Identify(out Who who)
    {
        who = default;
        if (Caller.Id is { } person)
        {
            if (CallerIsStaff)
            {
                who = new Who(person, NoteAuthorKind.Staff, Staff: true);
                return null;
            }

            if (!rows.Participants.ContainsKey(person))
            {
                return new Rejection("notParticipant");
            }

            who = new Who(person, NoteAuthorKind.Registered, Staff: false);
            return null;
        }

        if (BoardGuest.Id is not { } guestId)
        {
            return new Rejection("unauthenticated");
        }

        if (!rows.Guests.TryGetValue(guestId, out var guest))
        {
            return new Rejection("notParticipant");
        }

        if (guest.Removed)
        {
            return new Rejection("guestRemoved");
        }

        if (guest.Session != S.Session)
        {
            return new Rejection("sessionClosed");
        }

        who = new Who(guestId, NoteAuthorKind.Guest, Staff: false);
        return null;
    }

    private bool TakeGuestPost(string guestId, DateTimeOffset now)
    {
        if (!guestPosts.TryGetValue(guestId, out var posts))
        {
            guestPosts[guestId] = posts = new Queue<DateTimeOffset>();
        }

        while (posts.Count > 0 && posts.Peek() <= now - BoardRules.GuestNoteWindow)
        {
            posts.Dequeue();
        }

        if (posts.Count >= BoardRules.GuestNotesPerWindow)
        {
            return false;
        }

        posts.Enqueue(now);
        return true;
    }

    private async Task<Rejection?> CheckWorkshopAsync()
    {
        var workshop = await GrainFactory.GetGrain<IWorkshopGrain>(Id).GetAsync();
        return workshop is null ? new Rejection("notFound")
            : workshop.Status == WorkshopStatus.Cancelled ? new Rejection("workshopCancelled")
            : null;
    }

    private async Task<string> ClaimRoomCodeAsync()
    {
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = BoardRules.NewRoomCode();
            // A new code every session, never the last one: a photo of last week's projector must not let anyone in.
            if (code == S.RoomCode)
            {
                continue;
            }

            var claimed = await GrainFactory.GetGrain<IRoomCodeGrain>(code).ClaimAsync(Id);
            if (claimed.Value)
            {
                return code;
            }
        }

        throw new InvalidOperationException($"No free room code after {MaxCodeAttempts} attempts.");
    }

    private double EndOf(string columnId, string? except = null) =>
        rows.Notes.Where(n => n.Value.ColumnId == columnId && n.Key != except).Select(n => n.Value.Position).DefaultIfEmpty(0).Max() + 1;

    // Halfway between the note before and the target; when the gap has worn too thin, renumbers the column first.
    private double PositionBefore(string beforeId, string movingId, string columnId, List<RowChange> changes)
    {
        var siblings = rows.Notes.Where(n => n.Value.ColumnId == columnId && n.Key != movingId)
            .OrderBy(n => n.Value.Position).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).ToList();
        var index = siblings.IndexOf(beforeId);
        var after = rows.Notes[beforeId].Position;
        var previous = index > 0 ? rows.Notes[siblings[index - 1]].Position : after - 2;
        if (after - previous > 1e-6)
        {
            return (previous + after) / 2;
        }

        for (var i = 0; i < siblings.Count; i++)
        {
            changes.Add(rows.PutNote(siblings[i], rows.Notes[siblings[i]] with { Position = 2 * (i + 1) }));
        }

        return 2 * (index + 1) - 1;
    }

    private ColumnState? FindColumn(string? columnId) => columnId is null ? null : S.Columns.Find(c => c.Id == columnId);

    private List<BoardColumn> Columns() => [.. S.Columns.Select(c => new BoardColumn(c.Id, c.Title))];

    private DomainEvent ColumnsChanged() => Event(BoardEvents.ColumnsChanged, new BoardColumnsChangedEvent(Id, Columns()));

    private BoardView ViewForCaller() => BoardViews.For(Snapshot(), BoardViewer.FromCaller());

    private BoardSnapshot Snapshot()
    {
        var order = S.Columns.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i, StringComparer.Ordinal);
        var notes = rows.Notes
            .OrderBy(n => order.GetValueOrDefault(n.Value.ColumnId, int.MaxValue)).ThenBy(n => n.Value.Position).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new BoardNote(n.Key, n.Value.ColumnId, n.Value.ClusterId, n.Value.Position, n.Value.Text, n.Value.AuthorId,
                n.Value.AuthorKind, n.Value.Anonymous, n.Value.Posted, n.Value.Hidden, n.Value.HiddenReason, n.Value.LedTo))
            .ToList();
        var open = OpenRoundState is { } round
            ? new OpenRound(round.Number, round.DotsPerPerson, round.TotalsLive, round.Opened,
                [.. rows.RoundDots(round.Number).OrderBy(d => d.Participant, StringComparer.Ordinal).ThenBy(d => d.NoteId, StringComparer.Ordinal)
                    .Select(d => new DotCount(d.Participant, d.NoteId, d.Count))])
            : null;
        var guests = rows.Guests.Where(g => g.Value.Session == S.Session).OrderBy(g => g.Value.Joined).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BoardGuestEntry(g.Key, g.Value.Nickname, g.Value.Joined, g.Value.Removed)).ToList();
        return new BoardSnapshot(
            Id,
            S.Sequence,
            S.SessionState,
            S.Session,
            S.RoomCode,
            Columns(),
            [.. S.Clusters.Select(c => new BoardCluster(c.Id, c.ColumnId, c.Title, c.LedTo.Count == 0 ? null : [.. c.LedTo]))],
            notes,
            open,
            [.. S.Rounds.Where(r => r.Closed is not null).Select(Result)],
            S.TimerEndsAt,
            guests,
            [.. rows.Participants.Keys.Order(StringComparer.Ordinal)]);
    }

    private static RoundResult Result(RoundState round) => new(
        round.Number,
        round.DotsPerPerson,
        round.TotalsLive,
        round.Opened,
        round.Closed!.Value,
        [.. round.NoteTotals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new NoteTotal(t.Key, t.Value))],
        [.. round.ClusterTotals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new ClusterTotal(t.Key, t.Value))]);

    private Rejection? CheckStaff() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !CallerIsStaff ? new Rejection("forbidden")
        : null;

    private Rejection? CheckSessionOpen() => S.SessionState switch
    {
        BoardSessionState.Open => null,
        BoardSessionState.Closed => new Rejection("sessionClosed"),
        _ => new Rejection("sessionNotOpen"),
    };

    private static string KindName(NoteAuthorKind kind) => kind switch
    {
        NoteAuthorKind.Registered => "registered",
        NoteAuthorKind.Guest => "guest",
        NoteAuthorKind.Staff => "staff",
        NoteAuthorKind.Proxy => "proxy",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static DomainEvent Event(string type, object data) => new(type, data, Caller.Id);

    /// <summary>Who takes part in one call: a person's or a guest's id, the kind a note of theirs gets, and whether staff.</summary>
    private readonly record struct Who(string Id, NoteAuthorKind Kind, bool Staff);
}
