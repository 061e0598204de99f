using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Demo;

/// <summary>The demo marker: decides once per store whether the demo town is seeded, fixes its timeline, and leases the work.</summary>
public sealed class DemoTownGrain(
    [EventedState("demo")] IEventedState<DemoTownState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IDemoTownGrain
{
    private DemoTownState S => state.State;

    public Task<DemoTownStatus> GetAsync() => Task.FromResult(Status());

    public async Task<CommandResult<DemoTownStatus>> BeginAsync(bool storeIsEmpty, string owner, TimeSpan lease)
    {
        if (Refuse(owner) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        switch (S.Progress)
        {
            case DemoTownProgress.NotStarted when storeIsEmpty:
                S.Progress = DemoTownProgress.Seeding;
                S.Anchor = now;
                S.Started = now;
                Lease(owner, now + lease);
                await state.WriteStateAsync([new DomainEvent("DemoTownSeedingStarted", new { Anchor = now }, Caller.Id)]);
                break;
            case DemoTownProgress.NotStarted:
                S.Progress = DemoTownProgress.Skipped;
                S.Started = now;
                await state.WriteStateAsync([new DomainEvent("DemoTownSkipped", new { Reason = "storeNotEmpty" }, Caller.Id)]);
                break;
            case DemoTownProgress.Seeding when S.Owner == owner || S.LeaseUntil is not { } until || until <= now:
                // The previous owner stopped (or this is it, starting again): the work resumes here. No event: the
                // timeline of the town is the seeded one, and who resumed it matters to nobody reading it.
                Lease(owner, now + lease);
                await state.WriteStateAsync();
                break;
        }

        return CommandResult<DemoTownStatus>.Success(Status());
    }

    public async Task<CommandResult<DemoTownStatus>> RenewAsync(string owner, TimeSpan lease)
    {
        if ((Refuse(owner) ?? RefuseUnlessOwner(owner)) is { } refused)
        {
            return refused;
        }

        Lease(owner, clock.GetUtcNow() + lease);
        await state.WriteStateAsync();
        return CommandResult<DemoTownStatus>.Success(Status());
    }

    public async Task<CommandResult<DemoTownStatus>> ReleaseAsync(string owner)
    {
        if (Refuse(owner) is { } refused)
        {
            return refused;
        }

        if (S.Progress == DemoTownProgress.Seeding && S.Owner == owner)
        {
            Lease(null, null);
            await state.WriteStateAsync();
        }

        return CommandResult<DemoTownStatus>.Success(Status());
    }

    public async Task<CommandResult<DemoTownStatus>> CompleteAsync(string owner)
    {
        if (Refuse(owner) is { } refused)
        {
            return refused;
        }

        if (S.Progress == DemoTownProgress.Completed)
        {
            return CommandResult<DemoTownStatus>.Success(Status());
        }

        if (RefuseUnlessOwner(owner) is { } notOwner)
        {
            return notOwner;
        }

        S.Progress = DemoTownProgress.Completed;
        S.Finished = clock.GetUtcNow();
        Lease(null, null);
        await state.WriteStateAsync([new DomainEvent("DemoTownSeeded", new { S.Anchor }, Caller.Id)]);
        return CommandResult<DemoTownStatus>.Success(Status());
    }

    private static CommandResult<DemoTownStatus>? Refuse(string owner) =>
        !Caller.IsAdmin ? CommandResult<DemoTownStatus>.Reject("forbidden")
        : string.IsNullOrWhiteSpace(owner) ? CommandResult<DemoTownStatus>.Reject("required", "owner")
        : null;

    private CommandResult<DemoTownStatus>? RefuseUnlessOwner(string owner) =>
        S.Progress != DemoTownProgress.Seeding ? CommandResult<DemoTownStatus>.Reject("notSeeding")
        : S.Owner != owner ? CommandResult<DemoTownStatus>.Reject("notOwner")
        : null;

    private void Lease(string? owner, DateTimeOffset? until)
    {
        S.Owner = owner;
        S.LeaseUntil = until;
    }

    private DemoTownStatus Status() => new(S.Progress, S.Anchor, S.Owner, S.LeaseUntil, S.Started, S.Finished);
}

/// <summary>Stored state of the demo marker. Version 1; fields may be added, never repurposed.</summary>
public sealed class DemoTownState
{
    public int SchemaVersion { get; set; } = 1;

    public DemoTownProgress Progress { get; set; }

    /// <summary>The real time seeding began; the demo's timeline ends here.</summary>
    public DateTimeOffset? Anchor { get; set; }

    /// <summary>The seeder working on it now, while <see cref="LeaseUntil"/> lasts.</summary>
    public string? Owner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? Started { get; set; }

    public DateTimeOffset? Finished { get; set; }
}
