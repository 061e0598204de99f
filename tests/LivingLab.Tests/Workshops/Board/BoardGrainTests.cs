using System.Threading.Channels;
using LivingLab.Common;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;

namespace LivingLab.Tests.Workshops.Board;

/// <summary>A workshop's live board through the real runtime, on SQLite and on PostgreSQL.</summary>
public abstract class BoardGrainTests(string provider)
{
    [Fact]
    public async Task Each_session_gets_a_new_room_code_that_finds_the_board_while_open_and_reopening_keeps_the_notes()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var note = await board.PostAsync("バスが1日2本しかない");

        var byResident = await board.Board.OpenSessionAsync(new BoardSetupInput(null));
        As.Staff();
        var twice = await board.Board.OpenSessionAsync(new BoardSetupInput(null));
        var firstCode = board.RoomCode;
        var foundWhileOpen = await silo.Grain<IRoomCodeGrain>(firstCode).GetWorkshopIdAsync();
        var closed = await board.Board.CloseSessionAsync();
        var closedAgain = await board.Board.CloseSessionAsync();
        var foundAfterClose = await silo.Grain<IRoomCodeGrain>(firstCode).GetWorkshopIdAsync();
        var withNewColumns = await board.Board.OpenSessionAsync(new BoardSetupInput(["別の列"]));
        var reopened = await board.Board.OpenSessionAsync(new BoardSetupInput(null));
        var unknown = await silo.Grain<IWorkshopBoardGrain>(Ids.New()).OpenSessionAsync(new BoardSetupInput(["困りごと"]));
        var nine = await silo.Grain<IWorkshopBoardGrain>(board.WorkshopId + "x").OpenSessionAsync(new BoardSetupInput([.. Enumerable.Range(1, 9).Select(i => $"列{i}")]));

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal("sessionOpen", twice.Rejection!.Code);
        Assert.True(BoardRules.IsWellFormedRoomCode(firstCode));
        Assert.Equal(board.WorkshopId, foundWhileOpen);
        Assert.Equal((BoardSessionState.Closed, null), (closed.Value!.State, closed.Value.RoomCode));
        Assert.Equal("sessionNotOpen", closedAgain.Rejection!.Code);
        Assert.Null(foundAfterClose);
        Assert.Equal(("boardHasColumns", "columns"), (withNewColumns.Rejection!.Code, withNewColumns.Rejection.Field));
        var again = reopened.Value!;
        Assert.Equal((BoardSessionState.Open, 2), (again.State, again.Session));
        Assert.NotEqual(firstCode, again.RoomCode);
        Assert.Equal(board.WorkshopId, await silo.Grain<IRoomCodeGrain>(again.RoomCode!).GetWorkshopIdAsync());
        Assert.Equal(board.Opened.Columns, again.Columns);
        Assert.Equal([note], again.Notes.Select(n => n.Id));
        Assert.Equal("notFound", unknown.Rejection!.Code);
        Assert.Equal("tooMany", nine.Rejection!.Code);
        var events = await silo.Storage.ReadEventsAsync(0, 500);
        Assert.Equal(2, events.Count(e => e.EventType == BoardEvents.SessionOpened));
        Assert.DoesNotContain(events, e => e.Payload.Contains(firstCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guests_need_the_open_sessions_code_and_a_workshop_that_allows_them_and_a_removed_or_old_pass_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        var noGuests = await BoardFixture.StartAsync(silo.Grains, guestsAllowed: false);

        As.Anonymous();
        var wrongCode = await board.Board.JoinAsGuestAsync("ABCDEF" == board.RoomCode ? "ABCDEG" : "ABCDEF", "さくら");
        var noNickname = await board.Board.JoinAsGuestAsync(board.RoomCode, "   ");
        var notAllowed = await noGuests.Board.JoinAsGuestAsync(noGuests.RoomCode, "さくら");
        var typedLoosely = await board.Board.JoinAsGuestAsync(board.RoomCode.ToLowerInvariant().Insert(3, "-"), " さくら ");
        var sakura = await board.GuestAsync("さくら");
        As.Guest(sakura.GuestId);
        var posted = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "港の売店が早く閉まる"));
        var removedGuest = await board.GuestAsync("いたずら");
        As.Guest(removedGuest.GuestId);
        As.Resident("r1");
        var removedByResident = await board.Board.RemoveGuestAsync(removedGuest.GuestId);
        As.Staff();
        var removed = await board.Board.RemoveGuestAsync(removedGuest.GuestId);
        As.Guest(removedGuest.GuestId);
        var afterRemoval = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "もう一度"));
        var removedView = await board.Board.GetAsync();
        As.Staff();
        await board.Board.CloseSessionAsync();
        As.Anonymous();
        var afterClose = await board.Board.JoinAsGuestAsync(board.RoomCode, "あとから");
        As.Guest(sakura.GuestId);
        var postAfterClose = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "閉じた後"));
        As.Staff();
        await board.Board.OpenSessionAsync(new BoardSetupInput(null));
        As.Guest(sakura.GuestId);
        var oldPass = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "次の回"));
        As.Staff();
        var staffView = await board.Board.GetAsync();

        Assert.Equal(("wrongRoomCode", "roomCode"), (wrongCode.Rejection!.Code, wrongCode.Rejection.Field));
        Assert.Equal(("required", "nickname"), (noNickname.Rejection!.Code, noNickname.Rejection.Field));
        Assert.Equal("guestsNotAllowed", notAllowed.Rejection!.Code);
        Assert.Equal("さくら", typedLoosely.Value!.Nickname);
        Assert.StartsWith("guest-", sakura.GuestId, StringComparison.Ordinal);
        Assert.Equal((NoteAuthorKind.Guest, "さくら", true), (posted.Value!.AuthorKind, posted.Value.GuestNickname, posted.Value.Mine));
        Assert.Equal("forbidden", removedByResident.Rejection!.Code);
        Assert.True(removed.Succeeded);
        Assert.Equal("guestRemoved", afterRemoval.Rejection!.Code);
        Assert.Equal(BoardViewerKind.Public, removedView.Viewer);
        Assert.Equal("sessionClosed", afterClose.Rejection!.Code);
        Assert.Equal("sessionClosed", postAfterClose.Rejection!.Code);
        Assert.Equal("sessionClosed", oldPass.Rejection!.Code);
        // The new session starts with no guests; the old session's note stays on the board.
        Assert.Empty(staffView.Guests!);
        Assert.Contains(staffView.Notes, n => n.Id == posted.Value.Id && n.AuthorKind == NoteAuthorKind.Guest);
        var events = await silo.Storage.ReadEventsAsync(0, 500);
        Assert.Equal(3, events.Count(e => e.EventType == BoardEvents.GuestJoined));
        Assert.DoesNotContain(events, e => e.Payload.Contains("さくら", StringComparison.Ordinal) || e.Payload.Contains("いたずら", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_people_with_a_seat_join_and_only_participants_post_notes_of_one_to_280_characters()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);

        As.Resident("no-seat");
        var noSeat = await board.Board.JoinAsync();
        As.Resident("r3");
        var notJoined = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "参加前"));
        var joined = await board.Board.JoinAsync();
        var joinedTwice = await board.Board.JoinAsync();
        As.Anonymous();
        var anonymous = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "だれ?"));
        As.Resident("r1");
        var empty = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), " \n "));
        var tooLong = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), new string('あ', 281)));
        var longest = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), new string('あ', 280)));
        var proxyByResident = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "紙から", ProxyEntered: true));
        var noColumn = await board.Board.PostNoteAsync(new NoteInput("nope", "どこへ"));
        As.Staff();
        var proxy = await board.Board.PostNoteAsync(new NoteInput(board.Column(1), "紙のメモ: 病院への足がない", ProxyEntered: true));

        Assert.Equal("notRegistered", noSeat.Rejection!.Code);
        Assert.Equal("notParticipant", notJoined.Rejection!.Code);
        Assert.Equal(BoardViewerKind.Participant, joined.Value!.Viewer);
        Assert.True(joinedTwice.Succeeded);
        Assert.Equal("unauthenticated", anonymous.Rejection!.Code);
        Assert.Equal(("required", "text"), (empty.Rejection!.Code, empty.Rejection.Field));
        Assert.Equal(("tooLong", "text"), (tooLong.Rejection!.Code, tooLong.Rejection.Field));
        Assert.True(longest.Succeeded);
        Assert.Equal(("forbidden", "proxyEntered"), (proxyByResident.Rejection!.Code, proxyByResident.Rejection.Field));
        Assert.Equal(("columnNotFound", "columnId"), (noColumn.Rejection!.Code, noColumn.Rejection.Field));
        Assert.Equal((NoteAuthorKind.Proxy, "staff-1"), (proxy.Value!.AuthorKind, proxy.Value.AuthorId));
        var events = await silo.Storage.ReadEventsAsync(0, 500);
        Assert.Equal(2, events.Count(e => e.EventType == BoardEvents.NotePosted));
        Assert.Equal(3, events.Count(e => e.EventType == BoardEvents.ParticipantJoined));
    }

    [Fact]
    public async Task Staff_add_rename_and_reorder_columns_up_to_eight_keep_at_least_one_and_stop_the_timer()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);

        As.Resident("r1");
        var byResident = await board.Board.AddColumnAsync("試作");
        As.Staff();
        var added = (await board.Board.AddColumnAsync(" 試作 ")).Value!;
        var renamed = await board.Board.RenameColumnAsync(added.Id, "試してみたいこと");
        var untitled = await board.Board.RenameColumnAsync(added.Id, "");
        var moved = await board.Board.MoveColumnAsync(added.Id, 0);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await board.Board.AddColumnAsync($"列{i}")).Succeeded);
        }

        var ninth = await board.Board.AddColumnAsync("九つ目");
        var columns = (await board.Board.GetAsync()).Columns;
        foreach (var column in columns.Skip(1))
        {
            Assert.True((await board.Board.RemoveColumnAsync(column.Id)).Succeeded);
        }

        var last = await board.Board.RemoveColumnAsync(added.Id);
        await board.Board.StartTimerAsync(600);
        var stopped = await board.Board.StopTimerAsync();
        var view = await board.Board.GetAsync();

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal("試作", added.Title);
        Assert.True(renamed.Succeeded && moved.Succeeded);
        Assert.Equal(("required", "title"), (untitled.Rejection!.Code, untitled.Rejection.Field));
        Assert.Equal(("tooMany", "8"), (ninth.Rejection!.Code, ninth.Rejection.Values!["limit"]));
        Assert.Equal(8, columns.Count);
        Assert.Equal((added.Id, "試してみたいこと"), (columns[0].Id, columns[0].Title));
        Assert.Equal(board.Opened.Columns.Select(c => c.Id), columns.Skip(1).Take(3).Select(c => c.Id));
        Assert.Equal("lastColumn", last.Rejection!.Code);
        Assert.True(stopped.Succeeded);
        Assert.Equal([added.Id], view.Columns.Select(c => c.Id));
        Assert.Null(view.TimerEndsAt);
    }

    [Fact]
    public async Task A_guest_posts_at_most_six_notes_a_minute()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Guest((await board.GuestAsync("たろう")).GuestId);

        var burst = new List<CommandResult<NoteView>>();
        for (var i = 0; i < 7; i++)
        {
            burst.Add(await board.Board.PostNoteAsync(new NoteInput(board.Column(0), $"メモ {i}")));
        }

        silo.Clock.Advance(BoardRules.GuestNoteWindow);
        var nextMinute = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "一分後"));

        Assert.All(burst.Take(6), r => Assert.True(r.Succeeded));
        Assert.Equal(("tooManyNotes", "6"), (burst[6].Rejection!.Code, burst[6].Rejection!.Values!["limit"]));
        Assert.True(nextMinute.Succeeded);
    }

    [Fact]
    public async Task Other_participants_do_not_see_who_wrote_an_anonymous_note_staff_see_the_kind_and_the_public_sees_no_authors()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var secret = await board.PostAsync("区長に言いにくいこと", anonymous: true);
        var open = await board.PostAsync("買い物代行がほしい");
        As.Guest((await board.GuestAsync("はなこ")).GuestId);
        var guestNote = await board.PostAsync("船の時間に合わない");
        As.Staff();
        await board.Board.HideNoteAsync(open, "個人名が含まれていたため");

        As.Resident("r2");
        var r2 = await board.Board.GetAsync();
        As.Resident("r1");
        var r1 = await board.Board.GetAsync();
        As.Staff();
        var staff = await board.Board.GetAsync();
        As.Anonymous();
        var reader = await board.Board.GetAsync();

        var r2Secret = r2.Notes.Single(n => n.Id == secret);
        Assert.Equal((null, null, false), (r2Secret.AuthorKind, r2Secret.AuthorId, r2Secret.Mine));
        Assert.Equal((NoteAuthorKind.Guest, null, "はなこ"), Author(r2.Notes.Single(n => n.Id == guestNote)));
        Assert.DoesNotContain(r2.Notes, n => n.Id == open);
        Assert.Null(r2.RoomCode);
        Assert.Null(r2.Guests);
        Assert.True(r1.Notes.Single(n => n.Id == secret).Mine);
        var staffSecret = staff.Notes.Single(n => n.Id == secret);
        Assert.Equal((NoteAuthorKind.Registered, null, null), Author(staffSecret));
        var hidden = staff.Notes.Single(n => n.Id == open);
        Assert.Equal((true, "個人名が含まれていたため", "r1"), (hidden.Hidden, hidden.HiddenReason, hidden.AuthorId));
        Assert.Equal(board.RoomCode, staff.RoomCode);
        Assert.Equal(["はなこ"], staff.Guests!.Select(g => g.Nickname));
        Assert.Equal(BoardViewerKind.Public, reader.Viewer);
        Assert.Equal(2, reader.Notes.Count);
        Assert.All(reader.Notes, n => Assert.Equal((null, null, null), Author(n)));
        Assert.Null(reader.RoomCode);
    }

    [Fact]
    public async Task Staff_move_cluster_and_hide_notes_and_a_hidden_note_drops_its_dots_and_says_how_many()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var a = await board.PostAsync("A");
        var b = await board.PostAsync("B");
        var c = await board.PostAsync("C", column: 1);
        var moveByResident = await board.Board.MoveNoteAsync(a, board.Column(1), null);
        As.Staff();
        var moved = await board.Board.MoveNoteAsync(a, board.Column(1), c);
        var cluster = (await board.Board.CreateClusterAsync(board.Column(2), "移動手段")).Value!;
        var clustered = await board.Board.ClusterNoteAsync(b, cluster.Id);
        var renamed = await board.Board.RenameClusterAsync(cluster.Id, "移動と買い物");
        var removeFull = await board.Board.RemoveColumnAsync(board.Column(2));
        var removeEmpty = await board.Board.RemoveColumnAsync(board.Column(0));
        var afterOrganising = await board.Board.GetAsync();
        await board.Board.OpenRoundAsync(new RoundInput(3, TotalsLive: false));
        As.Resident("r1");
        await board.Board.PlaceDotAsync(c);
        await board.Board.PlaceDotAsync(c);
        await board.Board.PlaceDotAsync(a);
        As.Resident("r2");
        await board.Board.PlaceDotAsync(c);
        As.Staff();
        var noReason = await board.Board.HideNoteAsync(c, " ");
        var hidden = await board.Board.HideNoteAsync(c, "重複");
        var hiddenAgain = await board.Board.HideNoteAsync(c, "重複");
        As.Resident("r2");
        var onHidden = await board.Board.PlaceDotAsync(c);
        var r2 = (await board.Board.GetAsync()).Round!;
        As.Resident("r1");
        var r1 = (await board.Board.GetAsync()).Round!;

        Assert.Equal("forbidden", moveByResident.Rejection!.Code);
        Assert.True(moved.Succeeded && clustered.Succeeded && renamed.Succeeded);
        Assert.Equal("columnNotEmpty", removeFull.Rejection!.Code);
        Assert.True(removeEmpty.Succeeded);
        Assert.Equal([board.Column(1), board.Column(2)], afterOrganising.Columns.Select(k => k.Id));
        Assert.Equal([a, c, b], afterOrganising.Notes.Select(n => n.Id));
        var bView = afterOrganising.Notes.Single(n => n.Id == b);
        Assert.Equal((board.Column(2), cluster.Id), (bView.ColumnId, bView.ClusterId));
        Assert.Equal("移動と買い物", afterOrganising.Clusters.Single().Title);
        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.Equal(3, hidden.Value);
        Assert.Equal("noteHidden", hiddenAgain.Rejection!.Code);
        Assert.Equal("noteHidden", onHidden.Rejection!.Code);
        Assert.Equal(3, r2.DotsLeft);
        Assert.Equal((2, null), (r1.DotsLeft, r1.Totals));
        Assert.Equal(new Dictionary<string, int> { [a] = 1 }, r1.MyDots);
        var hiddenEvent = Assert.Single(await silo.Storage.ReadEventsAsync(0, 500), e => e.EventType == BoardEvents.NoteHidden);
        Assert.Contains("\"dotsDropped\":[", hiddenEvent.Payload);

        // Taken out of the column its cluster lives in, a note leaves the cluster.
        As.Staff();
        await board.Board.MoveNoteAsync(b, board.Column(1), null);
        Assert.Null((await board.Board.GetAsync()).Notes.Single(n => n.Id == b).ClusterId);
    }

    [Fact]
    public async Task Fifty_parallel_dots_by_one_participant_place_exactly_five_and_a_new_silo_reads_five()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        string id;
        string note;
        CommandResult<int>[] answers;
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var board = await BoardFixture.StartAsync(silo.Grains);
            id = board.WorkshopId;
            As.Resident("r1");
            note = await board.PostAsync("診療所の送迎");
            As.Staff();
            await board.Board.OpenRoundAsync(new RoundInput(5, TotalsLive: true));
            As.Resident("r2");
            answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => board.Board.PlaceDotAsync(note))));
        }

        await using var restarted = await TestSilo.StartAsync(store);
        As.Resident("r2");
        var round = (await restarted.Grain<IWorkshopBoardGrain>(id).GetAsync()).Round!;
        var events = await restarted.Storage.ReadEventsAsync(0, 500);

        Assert.Equal(5, answers.Count(a => a.Succeeded));
        Assert.Equal(45, answers.Count(a => a.Rejection?.Code == "noDotsLeft"));
        Assert.Equal([0, 1, 2, 3, 4], answers.Where(a => a.Succeeded).Select(a => a.Value).Order());
        Assert.Equal((5, 0, 5), (round.Totals![note], round.DotsLeft, round.MyDots[note]));
        Assert.Equal(5, events.Count(e => e.EventType == BoardEvents.DotPlaced));
        As.Resident("r2");
        Assert.Equal("noDotsLeft", (await restarted.Grain<IWorkshopBoardGrain>(id).PlaceDotAsync(note)).Rejection!.Code);
    }

    [Fact]
    public async Task A_closed_round_refuses_dots_and_its_result_stays_as_it_closed_and_matches_the_events()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var a = await board.PostAsync("A");
        var b = await board.PostAsync("B");
        var noRound = await board.Board.PlaceDotAsync(a);
        As.Staff();
        var cluster = (await board.Board.CreateClusterAsync(board.Column(0), "まとめ")).Value!;
        await board.Board.ClusterNoteAsync(a, cluster.Id);
        var tooMany = await board.Board.OpenRoundAsync(new RoundInput(11, false));
        var opened = await board.Board.OpenRoundAsync(new RoundInput(2, TotalsLive: false));
        var twice = await board.Board.OpenRoundAsync(new RoundInput(2, false));
        As.Resident("r1");
        await board.Board.PlaceDotAsync(a);
        await board.Board.PlaceDotAsync(b);
        var removeNone = await board.Board.RemoveDotAsync(a == b ? "x" : "missing");
        await board.Board.RemoveDotAsync(b);
        await board.Board.PlaceDotAsync(a);
        As.Resident("r2");
        await board.Board.PlaceDotAsync(b);
        var r2Totals = (await board.Board.GetAsync()).Round!.Totals;
        As.Guest((await board.GuestAsync("じろう")).GuestId);
        await board.Board.PlaceDotAsync(b);
        As.Staff();
        var staffTotals = (await board.Board.GetAsync()).Round!.Totals;
        var result = (await board.Board.CloseRoundAsync()).Value!;
        var closeAgain = await board.Board.CloseRoundAsync();
        await board.Board.HideNoteAsync(a, "あとから非表示");
        As.Resident("r2");
        var afterClose = await board.Board.PlaceDotAsync(b);
        var view = await board.Board.GetAsync();

        Assert.Equal("noRound", noRound.Rejection!.Code);
        Assert.Equal(("outOfRange", "dotsPerPerson"), (tooMany.Rejection!.Code, tooMany.Rejection.Field));
        Assert.Equal((1, 2), (opened.Value!.Number, opened.Value.DotsPerPerson));
        Assert.Equal("roundOpen", twice.Rejection!.Code);
        Assert.Equal("noteNotFound", removeNone.Rejection!.Code);
        Assert.Null(r2Totals);
        Assert.Equal(new Dictionary<string, int> { [a] = 2, [b] = 2 }, staffTotals);
        Assert.Equal(new[] { (a, 2), (b, 2) }.Order(), result.Notes.Select(n => (n.NoteId, n.Dots)).Order());
        Assert.Equal([(cluster.Id, 2)], result.Clusters.Select(k => (k.ClusterId, k.Dots)));
        Assert.Equal("roundClosed", closeAgain.Rejection!.Code);
        Assert.Equal("roundClosed", afterClose.Rejection!.Code);
        Assert.Null(view.Round);
        // Hiding a note after the round closed leaves the recorded result as it was.
        var past = Assert.Single(view.PastRounds);
        Assert.Equal((result.Number, result.Closed), (past.Number, past.Closed));
        Assert.Equal(result.Notes, past.Notes);
        Assert.Equal(result.Clusters, past.Clusters);

        // No dot lost or counted twice: placed less removed is the recorded total.
        var events = await silo.Storage.ReadEventsAsync(0, 500);
        var placed = events.Count(e => e.EventType == BoardEvents.DotPlaced);
        var removed = events.Count(e => e.EventType == BoardEvents.DotRemoved);
        Assert.Equal(result.Notes.Sum(n => n.Dots), placed - removed);
        Assert.Contains("\"dots\":2", Assert.Single(events, e => e.EventType == BoardEvents.RoundClosed).Payload);
    }

    [Fact]
    public async Task Removing_a_guest_drops_their_dots_in_the_open_round_and_closing_the_session_closes_the_round()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var a = await board.PostAsync("A");
        As.Staff();
        await board.Board.OpenRoundAsync(new RoundInput(3, TotalsLive: true));
        var guest = await board.GuestAsync("ゲスト");
        As.Guest(guest.GuestId);
        await board.Board.PlaceDotAsync(a);
        await board.Board.PlaceDotAsync(a);
        As.Resident("r1");
        await board.Board.PlaceDotAsync(a);
        As.Staff();
        var dropped = await board.Board.RemoveGuestAsync(guest.GuestId);
        var timer = await board.Board.StartTimerAsync(300);
        var tooShort = await board.Board.StartTimerAsync(5);
        var withTimer = await board.Board.GetAsync();
        var closed = (await board.Board.CloseSessionAsync()).Value!;
        As.Resident("r1");
        var postClosed = await board.Board.PostNoteAsync(new NoteInput(board.Column(0), "閉会後"));

        Assert.Equal(2, dropped.Value);
        Assert.Equal(silo.Clock.GetUtcNow().AddSeconds(300), timer.Value);
        Assert.Equal("outOfRange", tooShort.Rejection!.Code);
        Assert.Equal(timer.Value, withTimer.TimerEndsAt);
        Assert.Equal(new Dictionary<string, int> { [a] = 1 }, withTimer.Round!.Totals);
        Assert.Null(closed.Round);
        Assert.Equal([(a, 1)], Assert.Single(closed.PastRounds).Notes.Select(n => (n.NoteId, n.Dots)));
        Assert.Null(closed.TimerEndsAt);
        Assert.Equal("sessionClosed", postClosed.Rejection!.Code);
    }

    [Fact]
    public async Task An_observer_receives_the_whole_board_after_each_durable_change_and_nothing_for_a_refusal()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var board = await BoardFixture.StartAsync(silo.Grains);
        As.Resident("r1");
        var note = await board.PostAsync("ひみつ", anonymous: true);
        var observer = new BoardRecorder();
        var reference = silo.Grains.CreateObjectReference<IBoardObserver>(observer);
        var byResident = await board.Board.SubscribeAsync(reference);
        As.Anonymous();
        LivingLab.People.Caller.SetSystem();
        var first = (await board.Board.SubscribeAsync(reference)).Value!;
        As.Staff();
        await board.Board.OpenRoundAsync(new RoundInput(5, TotalsLive: false));
        var afterRound = await observer.NextAsync();
        As.Resident("r2");
        var dotted = await board.Board.PlaceDotAsync(note);
        var afterDot = await observer.NextAsync();
        var eventsWhenHeard = await silo.Storage.ReadEventsAsync(0, 500);
        var refused = await board.Board.PlaceDotAsync("missing");
        As.Staff();
        await board.Board.StartTimerAsync(60);
        var afterTimer = await observer.NextAsync();

        // Fifteen participants' dots at once: however they share writes, the last snapshot holds every one of them.
        var people = Enumerable.Range(0, 15).Select(i => $"p{i:00}").ToList();
        foreach (var person in people)
        {
            As.Resident(person);
            await silo.Grain<IWorkshopGrain>(board.WorkshopId).RegisterAsync();
            Assert.True((await board.Board.JoinAsync()).Succeeded);
        }

        var joinedSnapshots = await observer.DrainUntilAsync(s => s.Participants.Count == 17);
        var parallel = await Task.WhenAll(people.Select(person => Task.Run(async () =>
        {
            As.Resident(person);
            return await board.Board.PlaceDotAsync(note);
        })));
        var last = await observer.DrainUntilAsync(s => s.OpenRound!.Dots.Sum(d => d.Count) == 16);

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("r1", true), (first.Notes.Single().AuthorId, first.Notes.Single().Anonymous));
        Assert.True(first.Sequence < afterRound.Sequence && afterRound.Sequence < afterDot.Sequence);
        Assert.NotNull(afterRound.OpenRound);
        Assert.True(dotted.Succeeded);
        Assert.Equal([new DotCount("r2", note, 1)], afterDot.OpenRound!.Dots);
        Assert.Equal("noteNotFound", refused.Rejection!.Code);
        // The refusal changed nothing and sent nothing: the next snapshot is the timer's, one change on.
        Assert.Equal((afterDot.Sequence + 1, true), (afterTimer.Sequence, afterTimer.TimerEndsAt is not null));
        Assert.Contains(eventsWhenHeard, e => e.EventType == BoardEvents.DotPlaced);
        Assert.All(parallel, p => Assert.True(p.Succeeded));
        Assert.True(joinedSnapshots.Sequence < last.Sequence);
        Assert.Equal(16, (await silo.Storage.ReadEventsAsync(0, 1000)).Count(e => e.EventType == BoardEvents.DotPlaced));
        Assert.False(observer.TryNext(out _));
        GC.KeepAlive(observer);
    }

    private static (NoteAuthorKind?, string?, string?) Author(NoteView note) => (note.AuthorKind, note.AuthorId, note.GuestNickname);

    /// <summary>Keeps each snapshot the board sends, in arrival order.</summary>
    private sealed class BoardRecorder : IBoardObserver
    {
        private readonly Channel<BoardSnapshot> received = Channel.CreateUnbounded<BoardSnapshot>();

        public Task BoardChanged(BoardSnapshot snapshot)
        {
            received.Writer.TryWrite(snapshot);
            return Task.CompletedTask;
        }

        public async Task<BoardSnapshot> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        /// <summary>Reads snapshots until one matches, checking that their sequence only goes up.</summary>
        public async Task<BoardSnapshot> DrainUntilAsync(Func<BoardSnapshot, bool> done)
        {
            long previous = -1;
            while (true)
            {
                var next = await NextAsync();
                Assert.True(next.Sequence > previous, $"sequence {next.Sequence} after {previous}");
                previous = next.Sequence;
                if (done(next))
                {
                    return next;
                }
            }
        }

        public bool TryNext(out BoardSnapshot? snapshot) => received.Reader.TryRead(out snapshot);
    }
}

/// <summary>WorkshopBoardGrain behaviour on SQLite.</summary>
public sealed class SqliteBoardGrainTests() : BoardGrainTests("Sqlite");

/// <summary>WorkshopBoardGrain behaviour on PostgreSQL.</summary>
public sealed class PostgresBoardGrainTests() : BoardGrainTests("Postgres");
