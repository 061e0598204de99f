using LivingLab.Demo;
using LivingLab.People;
using Orleans;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Demo;

public sealed class DemoMarkerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task One_seeder_holds_the_seeding_until_it_releases_it_or_its_lease_runs_out()
    {
        await using var factory = new LivingLabFactory();
        var marker = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDemoTownGrain>(IDemoTownGrain.Key);
        Caller.SetSystem();

        var first = (await marker.BeginAsync(true, "node-a", Lease)).Value!;
        var second = (await marker.BeginAsync(true, "node-b", Lease)).Value!;
        var outsider = await marker.CompleteAsync("node-b");
        await marker.ReleaseAsync("node-a");
        var afterRelease = (await marker.BeginAsync(true, "node-b", TimeSpan.Zero)).Value!;
        var afterExpiry = (await marker.BeginAsync(true, "node-c", Lease)).Value!;

        Assert.Equal((DemoTownProgress.Seeding, "node-a"), (first.Progress, first.Owner));
        Assert.Equal(("node-a", first.Anchor), (second.Owner, second.Anchor));
        Assert.Equal("notOwner", outsider.Rejection!.Code);
        Assert.Equal(("node-b", first.Anchor), (afterRelease.Owner, afterRelease.Anchor));
        Assert.Equal(("node-c", first.Anchor), (afterExpiry.Owner, afterExpiry.Anchor));
    }

    [Fact]
    public async Task The_first_decision_stands_and_only_the_system_or_an_admin_may_make_it()
    {
        await using var factory = new LivingLabFactory();
        var marker = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDemoTownGrain>(IDemoTownGrain.Key);

        Caller.Set("resident-1", [Roles.Resident, Roles.Facilitator]);
        var forbidden = await marker.BeginAsync(true, "node-a", Lease);
        Caller.SetSystem();
        var skipped = (await marker.BeginAsync(false, "node-a", Lease)).Value!;
        var later = (await marker.BeginAsync(true, "node-a", Lease)).Value!;

        Assert.Equal("forbidden", forbidden.Rejection!.Code);
        Assert.Equal((DemoTownProgress.Skipped, null), (skipped.Progress, skipped.Owner));
        Assert.Equal(DemoTownProgress.Skipped, later.Progress);
    }
}
