using System.Globalization;
using LivingLab.Common;
using LivingLab.Web.Api;
using LivingLab.Web.Features.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Components.Shared;

/// <summary>
/// An interactive island that toggles a person's vote or support and shows the count as everyone changes it: the count
/// follows the node's one grain subscription for the item (<see cref="LiveWatch"/>), a toggle answers in place, and a
/// refusal is a message beside the button in the page's language.
/// </summary>
public abstract class LiveCountIsland : ComponentBase, IAsyncDisposable
{
    private LiveWatch? watch;

    [Inject] private LiveHub Live { get; set; } = default!;

    [Inject] private IStringLocalizer<ProblemMessages> Problems { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = default!;

    [Inject] private ILogger<LiveCountIsland> Logger { get; set; } = default!;

    /// <summary>The count when the page was rendered; the circuit follows it from there.</summary>
    [Parameter] public int Count { get; set; }

    /// <summary>Whether the reader had voted or supported when the page was rendered.</summary>
    [Parameter] public bool On { get; set; }

    /// <summary>The count shown now.</summary>
    protected int CurrentCount { get; private set; }

    /// <summary>Whether the reader's vote or support stands now.</summary>
    protected bool IsOn { get; private set; }

    /// <summary>True while a toggle is on its way: a second click meanwhile is ignored (the button stays enabled, so it keeps the focus).</summary>
    protected bool Busy { get; private set; }

    /// <summary>The refusal or fault to show beside the button, or null.</summary>
    protected string? Error { get; private set; }

    /// <summary>"challenge" or "idea".</summary>
    protected abstract string Kind { get; }

    /// <summary>The item's id.</summary>
    protected abstract string ItemId { get; }

    /// <summary>The live event that carries the count ("vote-count" or "support-count").</summary>
    protected abstract string CountEvent { get; }

    /// <summary>The refusal codes that say the reader's state was already on, or already off.</summary>
    protected abstract (string AlreadyOn, string AlreadyOff) StateCodes { get; }

    /// <summary>Casts (or, with <paramref name="withdraw"/>, withdraws) through the feature's façade.</summary>
    protected abstract Task<CommandResult<int>> ToggleCoreAsync(bool withdraw);

    protected override void OnInitialized()
    {
        CurrentCount = Count;
        IsOn = On;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            // Watching starts with the item as it stands, so a change between the prerender and now is not missed.
            watch = await LiveWatch.StartAsync(Live, Kind, ItemId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, OnLiveAsync);
        }
    }

    /// <summary>The button's handler.</summary>
    protected async Task ToggleAsync()
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        Error = null;
        try
        {
            var result = await ToggleCoreAsync(withdraw: IsOn);
            if (result.Succeeded)
            {
                IsOn = !IsOn;
                CurrentCount = result.Value;
            }
            else
            {
                Error = ProblemText.Describe(Problems, result.Rejection!);
                // The refusal says how things stand (a vote from another tab, say): the button follows it.
                var code = result.Rejection!.Code;
                IsOn = code == StateCodes.AlreadyOn || (code != StateCodes.AlreadyOff && IsOn);
            }
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // A fault (a silo gone, a timeout): it may or may not be stored; say so beside the button, keep the circuit.
            Logger.LogError(fault, "Toggling on {Kind} {ItemId} failed", Kind, ItemId);
            Error = Shared["ErrorBody"];
        }
        finally
        {
            Busy = false;
        }
    }

    private Task OnLiveAsync(IReadOnlyList<LiveMessage> messages)
    {
        var latest = messages.LastOrDefault(m => m.Event == CountEvent);
        if (latest is null || !int.TryParse(latest.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var live))
        {
            return Task.CompletedTask;
        }

        return InvokeAsync(() =>
        {
            CurrentCount = live;
            StateHasChanged();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (watch is not null)
        {
            await watch.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
