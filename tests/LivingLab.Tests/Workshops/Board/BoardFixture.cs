using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.People;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;

namespace LivingLab.Tests.Workshops.Board;

/// <summary>A workshop with two residents holding seats and its board open with three columns, for the board tests.</summary>
internal sealed class BoardFixture
{
    private static readonly DateTimeOffset Start = new(2027, 1, 16, 1, 0, 0, TimeSpan.Zero);

    private BoardFixture(IGrainFactory grains, string workshopId, BoardView opened)
    {
        Grains = grains;
        WorkshopId = workshopId;
        Opened = opened;
    }

    public IGrainFactory Grains { get; }

    public string WorkshopId { get; }

    /// <summary>The board as staff saw it on opening.</summary>
    public BoardView Opened { get; }

    public IWorkshopBoardGrain Board => Grains.GetGrain<IWorkshopBoardGrain>(WorkshopId);

    public string Column(int index) => Opened.Columns[index].Id;

    public string RoomCode => Opened.RoomCode!;

    public static WorkshopInput Workshop(bool guestsAllowed = true) => new(
        "飛島の買い物をどう届けるか: 課題発見ワークショップ", "島の困りごとを出し合います。", Stage.Discovery, [], [],
        "飛島総合センター 2階", null, 20, guestsAllowed, Start, Start.AddHours(2));

    /// <summary>Creates the workshop, seats r1 and r2 (and r3, who does not join), opens the board and joins r1 and r2.</summary>
    public static async Task<BoardFixture> StartAsync(IGrainFactory grains, bool guestsAllowed = true)
    {
        var id = Ids.New();
        As.Staff();
        Assert.True((await grains.GetGrain<IWorkshopGrain>(id).CreateAsync(Workshop(guestsAllowed))).Succeeded);
        foreach (var person in new[] { "r1", "r2", "r3" })
        {
            As.Resident(person);
            Assert.True((await grains.GetGrain<IWorkshopGrain>(id).RegisterAsync()).Succeeded);
        }

        As.Staff();
        var opened = await grains.GetGrain<IWorkshopBoardGrain>(id).OpenSessionAsync(new BoardSetupInput(["困りごと", "原因", "アイデア"]));
        Assert.True(opened.Succeeded, opened.Rejection?.ToString());
        foreach (var person in new[] { "r1", "r2" })
        {
            As.Resident(person);
            Assert.True((await grains.GetGrain<IWorkshopBoardGrain>(id).JoinAsync()).Succeeded);
        }

        return new BoardFixture(grains, id, opened.Value!);
    }

    /// <summary>Posts a note as whoever the call runs as, and returns its id.</summary>
    public async Task<string> PostAsync(string text, int column = 0, bool anonymous = false)
    {
        var posted = await Board.PostNoteAsync(new NoteInput(Column(column), text, anonymous));
        Assert.True(posted.Succeeded, posted.Rejection?.ToString());
        return posted.Value!.Id;
    }

    /// <summary>
    /// Joins a guest with the room code, as nobody signed in. RequestContext changes made in an async method do not
    /// reach its caller, so the caller switches to the guest itself (<see cref="As.Guest"/>).
    /// </summary>
    public async Task<GuestPass> GuestAsync(string nickname)
    {
        As.Anonymous();
        var pass = await Board.JoinAsGuestAsync(RoomCode, nickname);
        Assert.True(pass.Succeeded, pass.Rejection?.ToString());
        return pass.Value!;
    }
}

/// <summary>Who the following calls run as; every switch clears a guest id left from before.</summary>
internal static class As
{
    public static void Staff(string id = "staff-1")
    {
        BoardGuest.Clear();
        Callers.Facilitator(id);
    }

    public static void Resident(string id)
    {
        BoardGuest.Clear();
        Callers.Resident(id);
    }

    public static void Anonymous()
    {
        BoardGuest.Clear();
        Callers.Anonymous();
    }

    public static void Guest(string guestId) => BoardGuest.Set(guestId);
}
