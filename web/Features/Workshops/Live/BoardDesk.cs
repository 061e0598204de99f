using System.Security.Claims;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using LivingLab.Workshops.Board;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>
/// What a live board page (one circuit) asks of the board: who the viewer is (the signed-in person, or the guest whose
/// protected pass the page handed over), every command as that viewer, and a live watch rendering each snapshot of the
/// node's <see cref="BoardHub"/> with <see cref="BoardViews.For"/>. Dispose ends the watches.
/// </summary>
public sealed class BoardDesk(IGrainFactory grains, BoardHub hub, GuestPasses passes, AuthenticationStateProvider authentication)
    : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> watches = [];
    private readonly PersonNames names = new(grains);
    private GuestTicket? guest;

    /// <summary>The guest pass of this circuit, if any (read from the protected value the page handed over).</summary>
    public GuestTicket? Guest => guest;

    /// <summary>
    /// Takes the guest's pass as the page read it from its cookie, still protected: the circuit unprotects it here, so the
    /// browser only ever holds the encrypted form. A pass for another workshop, or a forged one, counts as none.
    /// </summary>
    public void UseGuestPass(string workshopId, string? protectedPass) => guest = passes.Unprotect(protectedPass, workshopId);

    /// <summary>The viewer this circuit renders for.</summary>
    public async Task<BoardViewer> ViewerAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return ViewerOf(user, guest);
    }

    /// <summary>A signed-in person (staff by role), else the guest, else nobody.</summary>
    public static BoardViewer ViewerOf(ClaimsPrincipal user, GuestTicket? guest)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (AccountPrincipal.PersonId(user) is { } person)
        {
            var roles = AccountPrincipal.RolesOf(user);
            return new BoardViewer(person, null, roles.Contains(Roles.Admin) || roles.Contains(Roles.Facilitator));
        }

        return new BoardViewer(null, guest?.GuestId, false);
    }

    /// <summary>
    /// Watches the board: <paramref name="changed"/> gets this viewer's view at once, then after every change.
    /// </summary>
    public async Task WatchAsync(string workshopId, Action<BoardView> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var viewer = await ViewerAsync();
        watches.Add(await hub.WatchAsync(workshopId, snapshot => changed(BoardViews.For(snapshot, viewer))));
    }

    /// <summary>The board as this viewer sees it, read from the grain (a page without a circuit).</summary>
    public Task<BoardView> ReadAsync(string workshopId) => CallAsync(workshopId, board => board.GetAsync());

    /// <summary>A person's display name (cached per circuit), or the former-member label.</summary>
    public async Task<string> NameOfAsync(string personId) => (await names.Get(personId)).DisplayName;

    public Task<CommandResult<BoardView>> OpenSessionAsync(string workshopId, IReadOnlyList<string>? columns) =>
        CallAsync(workshopId, board => board.OpenSessionAsync(new BoardSetupInput(columns)));

    public Task<CommandResult<BoardView>> CloseSessionAsync(string workshopId) => CallAsync(workshopId, board => board.CloseSessionAsync());

    public Task<CommandResult<BoardView>> JoinAsync(string workshopId) => CallAsync(workshopId, board => board.JoinAsync());

    public Task<CommandResult<NoteView>> PostNoteAsync(string workshopId, NoteInput input) =>
        CallAsync(workshopId, board => board.PostNoteAsync(input));

    public Task<CommandResult> MoveNoteAsync(string workshopId, string noteId, string columnId, string? beforeNoteId) =>
        CallAsync(workshopId, board => board.MoveNoteAsync(noteId, columnId, beforeNoteId));

    public Task<CommandResult<BoardCluster>> CreateClusterAsync(string workshopId, string columnId, string? title) =>
        CallAsync(workshopId, board => board.CreateClusterAsync(columnId, title));

    public Task<CommandResult> RenameClusterAsync(string workshopId, string clusterId, string? title) =>
        CallAsync(workshopId, board => board.RenameClusterAsync(clusterId, title));

    public Task<CommandResult> ClusterNoteAsync(string workshopId, string noteId, string? clusterId) =>
        CallAsync(workshopId, board => board.ClusterNoteAsync(noteId, clusterId));

    public Task<CommandResult<int>> HideNoteAsync(string workshopId, string noteId, string? reason) =>
        CallAsync(workshopId, board => board.HideNoteAsync(noteId, reason));

    public Task<CommandResult<int>> PlaceDotAsync(string workshopId, string noteId) => CallAsync(workshopId, board => board.PlaceDotAsync(noteId));

    public Task<CommandResult<int>> RemoveDotAsync(string workshopId, string noteId) => CallAsync(workshopId, board => board.RemoveDotAsync(noteId));

    public Task<CommandResult<RoundView>> OpenRoundAsync(string workshopId, int dots, bool totalsLive) =>
        CallAsync(workshopId, board => board.OpenRoundAsync(new RoundInput(dots, totalsLive)));

    public Task<CommandResult<RoundResult>> CloseRoundAsync(string workshopId) => CallAsync(workshopId, board => board.CloseRoundAsync());

    public Task<CommandResult<DateTimeOffset>> StartTimerAsync(string workshopId, int seconds) =>
        CallAsync(workshopId, board => board.StartTimerAsync(seconds));

    public Task<CommandResult> StopTimerAsync(string workshopId) => CallAsync(workshopId, board => board.StopTimerAsync());

    public Task<CommandResult<int>> RemoveGuestAsync(string workshopId, string guestId) =>
        CallAsync(workshopId, board => board.RemoveGuestAsync(guestId));

    public async ValueTask DisposeAsync()
    {
        foreach (var watch in watches)
        {
            await watch.DisposeAsync();
        }

        watches.Clear();
    }

    private async Task<T> CallAsync<T>(string workshopId, Func<IWorkshopBoardGrain, Task<T>> call)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        // Set here, in the method that calls the grain (the lambda runs inside it): the call context does not survive
        // an awaited helper's return.
        BoardCaller.Set(user, guest);
        return await call(grains.GetGrain<IWorkshopBoardGrain>(workshopId));
    }
}
