using System.Collections.Concurrent;
using LivingLab.People;
using LivingLab.Tests.Runtime;
using LivingLab.Tests.Workshops.Board;
using LivingLab.Workshops.Board;
using Orleans;

namespace LivingLab.Tests.Cluster;

/// <summary>A live board open on one node hears of dots placed through the other: the board's observers across silos.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardCrossSiloTests
{
    [Fact]
    public async Task A_dot_placed_through_one_silo_reaches_a_board_observer_subscribed_through_the_other()
    {
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        var board = await BoardFixture.StartAsync(cluster.A.Grains);
        As.Resident("r1");
        var note = await board.PostAsync("島の診療所まで行けない");
        As.Staff();
        Assert.True((await board.Board.OpenRoundAsync(new RoundInput(3, TotalsLive: true))).Succeeded);
        // One observer hosted by each silo: wherever the board's activation lives, one of them is on the other silo.
        var onA = new DotWatcher();
        var onB = new DotWatcher();
        As.Anonymous();
        Caller.SetSystem();
        Assert.True((await cluster.A.Grains.GetGrain<IWorkshopBoardGrain>(board.WorkshopId).SubscribeAsync(cluster.A.Grains.CreateObjectReference<IBoardObserver>(onA))).Succeeded);
        Assert.True((await cluster.B.Grains.GetGrain<IWorkshopBoardGrain>(board.WorkshopId).SubscribeAsync(cluster.B.Grains.CreateObjectReference<IBoardObserver>(onB))).Succeeded);

        As.Resident("r1");
        var throughB = await cluster.B.Grains.GetGrain<IWorkshopBoardGrain>(board.WorkshopId).PlaceDotAsync(note);
        var seenOnA = await onA.WaitForTotalAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        As.Resident("r2");
        var throughA = await cluster.A.Grains.GetGrain<IWorkshopBoardGrain>(board.WorkshopId).PlaceDotAsync(note);
        var seenOnB = await onB.WaitForTotalAsync(2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((2, 2), (throughB.Value, throughA.Value));
        Assert.Equal([new DotCount("r1", note, 1)], seenOnA.OpenRound!.Dots);
        Assert.Equal(["r1", "r2"], seenOnB.OpenRound!.Dots.Select(d => d.ParticipantId));
        await onA.WaitForTotalAsync(2).WaitAsync(TimeSpan.FromSeconds(10));
        await onB.WaitForTotalAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        GC.KeepAlive(onA);
        GC.KeepAlive(onB);
    }

    /// <summary>Hands out the first snapshot holding each total of dots in the open round.</summary>
    private sealed class DotWatcher : IBoardObserver
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<BoardSnapshot>> waiting = new();

        public Task BoardChanged(BoardSnapshot snapshot)
        {
            if (snapshot.OpenRound is { } round)
            {
                Signal(round.Dots.Sum(d => d.Count)).TrySetResult(snapshot);
            }

            return Task.CompletedTask;
        }

        public Task<BoardSnapshot> WaitForTotalAsync(int total) => Signal(total).Task;

        private TaskCompletionSource<BoardSnapshot> Signal(int total) =>
            waiting.GetOrAdd(total, _ => new TaskCompletionSource<BoardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
