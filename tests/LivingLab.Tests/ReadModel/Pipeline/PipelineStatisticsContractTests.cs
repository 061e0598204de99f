using LivingLab.Pipeline;
using LivingLab.ReadModel.PipelineStats;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel.Pipeline;

/// <summary>Pipeline statistics over both stores: ideas per stage and status, median days per stage from fixed event times.</summary>
public abstract class PipelineStatisticsContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private ReadModelHost host = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private EventFeed Feed => host.Feed;

    public async Task InitializeAsync() => host = await ReadModelHost.StartAsync(Stores);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task With_no_ideas_every_stage_is_empty_and_has_no_median()
    {
        var report = await host.Pipeline.GetAsync();

        Assert.Equal(Enum.GetValues<Stage>(), report.Stages.Select(s => s.Stage));
        Assert.All(report.Stages, s => Assert.Equal(new StageStatistics(s.Stage, 0, 0, 0, null, 0), s));
        Assert.Equal((0, 0), (report.RolledOut, report.Ideas));
    }

    [Fact]
    public async Task Counts_ideas_per_stage_and_status_and_takes_the_median_of_stays_that_ended_with_a_move()
    {
        await Idea("i1", (0, null), (10, Stage.Research), (30, Stage.Pilot));
        await Idea("i2", (0, null), (4, Stage.Research), (6, Stage.Discovery), (7, Stage.Research));
        await Idea("i3", (0, null), (2, Stage.Research));
        await Feed.CloseAsync("i3", Stage.Research, IdeaStatus.Declined, "効果が見込めない", Day(5));
        // Reopened on day 9: the research stay counts from then, not from day 2.
        await Feed.AdvanceAsync("i3", Stage.Research, Stage.Research, "新しいデータが出た", Day(9));
        await Feed.AdvanceAsync("i3", Stage.Research, Stage.Pilot, at: Day(12));
        await Idea("i4", (0, null), (20, Stage.Research));
        await Idea("i5", (0, null), (1, Stage.Research), (2, Stage.Pilot), (3.5, Stage.ServicePlanning), (4.5, Stage.Rollout));
        await Feed.CloseAsync("i5", Stage.Rollout, IdeaStatus.OnHold, "冬季休止", Day(6));
        await host.CatchUpAsync();

        var report = await host.Pipeline.GetAsync();

        Assert.Equal(
            [
                // Discovery stays: 1, 1, 2, 4, 10, 20 days.
                new StageStatistics(Stage.Discovery, 0, 0, 0, 3, 6),
                // Research stays ended by a move: 1, 2, 3 (i3 after reopening), 20; i3's closed stay is not one.
                new StageStatistics(Stage.Research, 2, 0, 0, 2.5, 4),
                new StageStatistics(Stage.Pilot, 2, 0, 0, 1.5, 1),
                new StageStatistics(Stage.ServicePlanning, 0, 0, 0, 1, 1),
                new StageStatistics(Stage.Rollout, 0, 0, 1, null, 0),
            ],
            report.Stages);
        Assert.Equal((1, 5), (report.RolledOut, report.Ideas));
    }

    [Fact]
    public async Task An_idea_that_stepped_back_from_rollout_still_counts_as_rolled_out_once()
    {
        await Idea("i1", (0, null), (1, Stage.Research), (2, Stage.Pilot), (3, Stage.ServicePlanning), (4, Stage.Rollout),
            (5, Stage.ServicePlanning), (6, Stage.Rollout));
        await host.CatchUpAsync();

        var report = await host.Pipeline.GetAsync();

        Assert.Equal(1, report.RolledOut);
        Assert.Equal(new StageStatistics(Stage.Rollout, 1, 0, 0, 1, 1), report.Stages[^1]);
        Assert.Equal(new StageStatistics(Stage.ServicePlanning, 0, 0, 0, 1, 2), report.Stages[3]);
    }

    private static DateTimeOffset Day(double days) => T0.AddDays(days);

    // Creates an idea on the first day given and moves it through the stages on the days given.
    private async Task Idea(string id, params (double Day, Stage? To)[] steps)
    {
        await Feed.CreateIdeaAsync(id, $"アイデア {id}", at: Day(steps[0].Day));
        var stage = Stage.Discovery;
        foreach (var (day, to) in steps.Skip(1))
        {
            await Feed.AdvanceAsync(id, stage, to!.Value, at: Day(day));
            stage = to.Value;
        }
    }
}

/// <summary>Pipeline statistics against SQLite files.</summary>
public sealed class SqlitePipelineStatisticsContractTests(SqliteStoreFixture fixture) : PipelineStatisticsContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>Pipeline statistics against the real PostgreSQL server.</summary>
public sealed class PostgresPipelineStatisticsContractTests(PostgresStoreFixture fixture) : PipelineStatisticsContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
