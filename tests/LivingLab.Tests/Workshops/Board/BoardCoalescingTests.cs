using System.Threading.Channels;
using LivingLab.People;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Tests.Workshops.Board;

/// <summary>
/// Many dots committed in one write publish one snapshot, and only once that write is durable. The test holds SQLite's
/// write lock from outside, so the first dot's write waits and every later dot joins the next write: the batching is
/// then certain, not a matter of timing.
/// </summary>
public sealed class BoardCoalescingTests
{
    private const int People = 15;

    [Fact]
    public async Task Dots_that_share_a_write_publish_one_snapshot_after_it_is_durable()
    {
        var entered = new EnteredFilter(People);
        await using var silo = await TestSilo.StartAsync(configureServices: s => s.AddSingleton<IIncomingGrainCallFilter>(entered));
        var board = await BoardFixture.StartAsync(silo.Grains);
        var people = Enumerable.Range(0, People).Select(i => $"p{i:00}").ToList();
        foreach (var person in people)
        {
            As.Resident(person);
            Assert.True((await silo.Grain<IWorkshopGrain>(board.WorkshopId).RegisterAsync()).Succeeded);
            Assert.True((await board.Board.JoinAsync()).Succeeded);
        }

        As.Resident("r1");
        var note = await board.PostAsync("乗り合いタクシー");
        As.Staff();
        await board.Board.OpenRoundAsync(new RoundInput(1, TotalsLive: true));
        var observer = new Recorder();
        As.Anonymous();
        Caller.SetSystem();
        var subscribed = (await board.Board.SubscribeAsync(silo.Grains.CreateObjectReference<IBoardObserver>(observer))).Value!;

        List<Task<LivingLab.Common.CommandResult<int>>> dots;
        await using (var holder = new SqliteConnection($"Data Source={silo.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var take = holder.CreateCommand())
            {
                take.CommandText = "BEGIN IMMEDIATE";
                await take.ExecuteNonQueryAsync();
            }

            entered.Armed = true;
            dots = [.. people.Select(person => Task.Run(async () =>
            {
                As.Resident(person);
                return await board.Board.PlaceDotAsync(note);
            }))];
            await entered.All.Task.WaitAsync(TimeSpan.FromSeconds(20));
            // Every dot is in memory and none is durable: nobody may hear of them yet.
            Assert.False(observer.TryNext(out _));
            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        var answers = await Task.WhenAll(dots);
        var published = await observer.NextAsync();
        As.Staff();
        await board.Board.StartTimerAsync(60);
        var afterTimer = await observer.NextAsync();

        Assert.All(answers, a => Assert.True(a.Succeeded, a.Rejection?.Code));
        Assert.Equal(People, published.OpenRound!.Dots.Sum(d => d.Count));
        Assert.Equal(subscribed.Sequence + People, published.Sequence);
        // The next snapshot is the timer's: the dots sent one snapshot, not one each.
        Assert.Equal((published.Sequence + 1, true), (afterTimer.Sequence, afterTimer.TimerEndsAt is not null));
        Assert.Equal(People, (await silo.Storage.ReadEventsAsync(0, 1000)).Count(e => e.EventType == BoardEvents.DotPlaced));
    }

    /// <summary>Signals once the given number of dot calls have run up to their commit (the grain's first real wait).</summary>
    private sealed class EnteredFilter(int expected) : IIncomingGrainCallFilter
    {
        private int entered;

        public bool Armed { get; set; }

        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (!Armed || context.MethodName != nameof(IWorkshopBoardGrain.PlaceDotAsync))
            {
                await context.Invoke();
                return;
            }

            // Invoke runs the grain method synchronously up to its first incomplete await: the shared write.
            var running = context.Invoke();
            if (Interlocked.Increment(ref entered) == expected)
            {
                All.TrySetResult();
            }

            await running;
        }
    }

    /// <summary>Keeps each snapshot in arrival order.</summary>
    private sealed class Recorder : IBoardObserver
    {
        private readonly Channel<BoardSnapshot> received = Channel.CreateUnbounded<BoardSnapshot>();

        public Task BoardChanged(BoardSnapshot snapshot)
        {
            received.Writer.TryWrite(snapshot);
            return Task.CompletedTask;
        }

        public async Task<BoardSnapshot> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        public bool TryNext(out BoardSnapshot? snapshot) => received.Reader.TryRead(out snapshot);
    }
}
