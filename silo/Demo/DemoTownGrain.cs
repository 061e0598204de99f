using LivingLab.Common;
using LivingLab.People;
using LivingLab.Runtime;

namespace LivingLab.Demo;

/// <summary>The demo marker: decides once per store whether the demo town is seeded, and fixes the demo's timeline.</summary>
public sealed class DemoTownGrain(
    [PersistentState("demo")] IEventedState<DemoTownState> state,
    TimeProvider clock) : Grain, IDemoTownGrain
{
    private DemoTownState S => state.State;

    public Task<DemoTownStatus> GetAsync() => Task.FromResult(Status());

    public async Task<CommandResult<DemoTownStatus>> BeginAsync(bool storeIsEmpty)
    {
        if (!Caller.IsAdmin)
        {
            return CommandResult<DemoTownStatus>.Reject("forbidden");
        }

        if (S.Progress != DemoTownProgress.NotStarted)
        {
            return CommandResult<DemoTownStatus>.Success(Status());
        }

        var now = clock.GetUtcNow();
        S.Started = now;
        if (storeIsEmpty)
        {
            S.Progress = DemoTownProgress.Seeding;
            S.Anchor = now;
            await state.WriteStateAsync([new DomainEvent("DemoTownSeedingStarted", new { Anchor = now }, Caller.Id)]);
        }
        else
        {
            S.Progress = DemoTownProgress.Skipped;
            await state.WriteStateAsync([new DomainEvent("DemoTownSkipped", new { Reason = "storeNotEmpty" }, Caller.Id)]);
        }

        return CommandResult<DemoTownStatus>.Success(Status());
    }

    public async Task<CommandResult<DemoTownStatus>> CompleteAsync()
    {
        if (!Caller.IsAdmin)
        {
            return CommandResult<DemoTownStatus>.Reject("forbidden");
        }

        if (S.Progress == DemoTownProgress.Completed)
        {
            return CommandResult<DemoTownStatus>.Success(Status());
        }

        if (S.Progress != DemoTownProgress.Seeding)
        {
            return CommandResult<DemoTownStatus>.Reject("notSeeding");
        }

        S.Progress = DemoTownProgress.Completed;
        S.Finished = clock.GetUtcNow();
        await state.WriteStateAsync([new DomainEvent("DemoTownSeeded", new { S.Anchor }, Caller.Id)]);
        return CommandResult<DemoTownStatus>.Success(Status());
    }

    private DemoTownStatus Status() => new(S.Progress, S.Anchor, S.Started, S.Finished);
}

/// <summary>Stored state of the demo marker. Version 1; fields may be added, never repurposed.</summary>
public sealed class DemoTownState
{
    public int SchemaVersion { get; set; } = 1;

    public DemoTownProgress Progress { get; set; }

    /// <summary>The real time seeding began; the demo's timeline ends here.</summary>
    public DateTimeOffset? Anchor { get; set; }

    public DateTimeOffset? Started { get; set; }

    public DateTimeOffset? Finished { get; set; }
}
