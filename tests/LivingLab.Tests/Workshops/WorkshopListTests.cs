using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.Workshops;

/// <summary>The public workshop list fed by the real workshop grain, on SQLite and on PostgreSQL.</summary>
public abstract class WorkshopListTests(string provider)
{
    private static WorkshopInput Input(string title, Stage stage, DateTimeOffset? starts, int capacity = 2) =>
        new(title, "", stage, [], [], "勝浦公民館", null, capacity, false, starts, starts?.AddHours(2));

    [Fact]
    public async Task Upcoming_lists_the_soonest_first_and_open_dates_last_past_lists_the_latest_first_with_counts_and_status()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var now = silo.Clock.GetUtcNow();
        var (soon, later, open, done, off) = (Ids.New(), Ids.New(), Ids.New(), Ids.New(), Ids.New());
        Callers.Facilitator();
        await silo.Grain<IWorkshopGrain>(later).CreateAsync(Input("来月の会", Stage.Research, now.AddDays(30)));
        await silo.Grain<IWorkshopGrain>(soon).CreateAsync(Input("来週の会", Stage.Discovery, now.AddDays(7)));
        await silo.Grain<IWorkshopGrain>(open).CreateAsync(Input("日程調整中の会", Stage.Discovery, null));
        await silo.Grain<IWorkshopGrain>(done).CreateAsync(Input("先週の会", Stage.Discovery, now.AddDays(-7)));
        await silo.Grain<IWorkshopGrain>(off).CreateAsync(Input("中止の会", Stage.Discovery, now.AddDays(3)));
        Assert.True((await silo.Grain<IWorkshopGrain>(off).CancelAsync("会場の都合")).Succeeded);
        Assert.True((await silo.Grain<IWorkshopGrain>(open).OpenPollAsync([new(now.AddDays(10), now.AddDays(10).AddHours(2)), new(now.AddDays(11), now.AddDays(11).AddHours(2))])).Succeeded);
        foreach (var person in new[] { "r1", "r2", "r3" })
        {
            Callers.Resident(person);
            await silo.Grain<IWorkshopGrain>(soon).RegisterAsync();
        }

        Callers.Resident("r1");
        await silo.Grain<IWorkshopGrain>(soon).UnregisterAsync();

        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var queries = silo.Services.GetRequiredService<WorkshopQueries>();
        var upcoming = await queries.ListAsync(new WorkshopListQuery(now));
        var past = await queries.ListAsync(new WorkshopListQuery(now, WorkshopWhen.Past));
        var research = await queries.ListAsync(new WorkshopListQuery(now, Stage: Stage.Research));
        var cancelled = await queries.ListAsync(new WorkshopListQuery(now, Status: WorkshopStatus.Cancelled));

        Assert.Equal([off, soon, later, open], upcoming.Items.Select(w => w.Id));
        Assert.Equal(4, upcoming.Total);
        Assert.Equal([done], past.Items.Select(w => w.Id));
        Assert.Equal([later], research.Items.Select(w => w.Id));
        Assert.Equal([off], cancelled.Items.Select(w => w.Id));
        var soonItem = upcoming.Items[1];
        // r1 left, so r3 moved up from the waiting list: two seats taken, nobody waiting.
        Assert.Equal(("来週の会", 2, 2, 0), (soonItem.Title, soonItem.Capacity, soonItem.RegisteredCount, soonItem.WaitingCount));
        Assert.True(upcoming.Items[3].HasPoll);
        Assert.Null(upcoming.Items[3].StartsAt);
        Assert.Equal(WorkshopStatus.Cancelled, upcoming.Items[0].Status);
    }
}

/// <summary>The workshop list on SQLite.</summary>
public sealed class SqliteWorkshopListTests() : WorkshopListTests("Sqlite");

/// <summary>The workshop list on PostgreSQL.</summary>
public sealed class PostgresWorkshopListTests() : WorkshopListTests("Postgres");
