using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.Workshops.Board;

/// <summary>
/// One short room code (key: the code, e.g. "K7QM3R"), pointing to the workshop whose live session uses it while that
/// session is open. The board grain claims and releases it (as the facilitator opening or closing the session); a guest's
/// page looks the code up to find the board, keying the grain by <c>BoardRules.NormalizeRoomCode</c> of what was typed
/// (and skipping the call when <c>BoardRules.IsWellFormedRoomCode</c> says no). Never calls a board.
/// </summary>
[Alias("ll.IRoomCodeGrain")]
public interface IRoomCodeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the code for <paramref name="workshopId"/> (staff only): true when it was free or already this
    /// workshop's, false when another workshop holds it.
    /// </summary>
    [Alias("ClaimAsync")]
    Task<CommandResult<bool>> ClaimAsync(string workshopId);

    /// <summary>Releases the code if <paramref name="workshopId"/> holds it (staff only); releasing a free code is fine.</summary>
    [Alias("ReleaseAsync")]
    Task<CommandResult> ReleaseAsync(string workshopId);

    /// <summary>The workshop whose open session uses this code, or null. Anyone may ask: the code is what they typed.</summary>
    [ReadOnly]
    [Alias("GetWorkshopIdAsync")]
    Task<string?> GetWorkshopIdAsync();
}
