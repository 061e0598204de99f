using LivingLab.Common;
using LivingLab.Web.Api;
using LivingLab.Web.Features.Participation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Components.Shared;

/// <summary>
/// An interactive island that follows or unfollows a challenge or an idea in place: the button flips at once, a status
/// line says what happened, and a refusal is a message beside the button in the page's language.
/// </summary>
public abstract class FollowIsland : ComponentBase
{
    [Inject] private IStringLocalizer<ProblemMessages> Problems { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    [Inject] private IStringLocalizer<ParticipationText> Text { get; set; } = default!;

    [Inject] private ILogger<FollowIsland> Logger { get; set; } = default!;

    /// <summary>Whether the reader followed the item when the page was rendered.</summary>
    [Parameter] public bool On { get; set; }

    /// <summary>Whether the reader follows the item now.</summary>
    protected bool IsOn { get; private set; }

    /// <summary>What the last toggle did, for the status line (null until one succeeded).</summary>
    protected string? Announcement { get; private set; }

    /// <summary>The refusal or fault to show beside the button, or null.</summary>
    protected string? Error { get; private set; }

    private bool busy;

    /// <summary>Follows (or, with <paramref name="unfollow"/>, unfollows) through the feature's façade.</summary>
    protected abstract Task<CommandResult> ToggleCoreAsync(bool unfollow);

    /// <summary>A short name for the log.</summary>
    protected abstract string ItemName { get; }

    protected override void OnInitialized() => IsOn = On;

    /// <summary>The button's handler.</summary>
    protected async Task ToggleAsync()
    {
        // A second click while the first is on its way is ignored; the button stays enabled so it keeps the focus.
        if (busy)
        {
            return;
        }

        busy = true;
        Error = null;
        try
        {
            var result = await ToggleCoreAsync(unfollow: IsOn);
            if (result.Succeeded)
            {
                IsOn = !IsOn;
                Announcement = IsOn ? Text["Followed"] : Text["Unfollowed"];
            }
            else
            {
                Announcement = null;
                Error = ProblemText.Describe(Problems, result.Rejection!);
            }
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // It may or may not be stored: say so beside the button and keep the circuit.
            Logger.LogError(fault, "Following {Item} failed", ItemName);
            Announcement = null;
            Error = Shared["ErrorBody"];
        }
        finally
        {
            busy = false;
        }
    }
}
