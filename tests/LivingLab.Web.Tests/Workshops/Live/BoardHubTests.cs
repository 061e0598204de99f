using LivingLab.People;
using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Web.Tests.Pages.Workshops.Live;
using LivingLab.Workshops.Board;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Workshops.Live;

/// <summary>The node's board hub: one grain subscription per board, fanned out to every watcher in sequence order.</summary>
public sealed class BoardHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Two_watchers_share_one_subscription_get_the_board_at_once_and_every_change_in_order()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestJoinPageTests.GuestWorkshop(town);
        await GuestJoinPageTests.OpenSession(town, id);
        var hub = town.Host.Factory.Services.GetRequiredService<BoardHub>();
        var first = new Seen();
        var second = new Seen();

        await using var a = await hub.WatchAsync(id, first.Add);
        await using var b = await hub.WatchAsync(id, second.Add);
        Assert.Equal(1, hub.WatchedBoards);
        Assert.Single(first.Snapshots);
        Assert.Single(second.Snapshots);
        Assert.Equal(BoardSessionState.Open, second.Snapshots[0].State);

        var column = first.Snapshots[0].Columns[0].Id;
        await GuestJoinPageTests.AsFacilitator(town, board => board(id).PostNoteAsync(new NoteInput(column, "朝市の駐車場が足りない")));
        await GuestJoinPageTests.AsFacilitator(town, board => board(id).PostNoteAsync(new NoteInput(column, "雨の日の屋根がない")));
        await first.WaitForNotes(2);
        await second.WaitForNotes(2);

        foreach (var seen in new[] { first, second })
        {
            var sequences = seen.Snapshots.Select(s => s.Sequence).ToList();
            Assert.Equal(sequences.Order().Distinct(), sequences);
        }

        // A renewal re-reads the board; what it returns is not newer, so no watcher gets it twice.
        var count = first.Snapshots.Count;
        await hub.RenewAllAsync();
        Assert.Equal(count, first.Snapshots.Count);
    }

    [Fact]
    public void A_feed_keeps_the_newest_snapshot_and_drops_one_that_arrives_late()
    {
        var feed = new BoardFeed("w1", _ => Task.FromResult<BoardSnapshot?>(null));
        var seen = new Seen();
        Assert.True(feed.TryJoin(new BoardWatcher(seen.Add)));

        feed.Apply(Snapshot(5));
        feed.Apply(Snapshot(3));
        feed.Apply(Snapshot(7));

        Assert.Equal([5L, 7L], seen.Snapshots.Select(s => s.Sequence));
        Assert.Equal(7, feed.Latest!.Sequence);

        // A watcher joining later gets the board as it stands at once.
        var late = new Seen();
        feed.TryJoin(new BoardWatcher(late.Add));
        Assert.Equal(7, Assert.Single(late.Snapshots).Sequence);
    }

    private static BoardSnapshot Snapshot(long sequence) =>
        new("w1", sequence, BoardSessionState.Open, 1, "ABCDEF", [], [], [], null, [], null, [], []);

    private sealed class Seen
    {
        private readonly Lock gate = new();
        private readonly List<BoardSnapshot> snapshots = [];
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<BoardSnapshot> Snapshots
        {
            get
            {
                lock (gate)
                {
                    return [.. snapshots];
                }
            }
        }

        public void Add(BoardSnapshot snapshot)
        {
            lock (gate)
            {
                snapshots.Add(snapshot);
                changed.TrySetResult();
                changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async Task WaitForNotes(int count)
        {
            while (true)
            {
                Task next;
                lock (gate)
                {
                    if (snapshots.Count > 0 && snapshots[^1].Notes.Count >= count)
                    {
                        return;
                    }

                    next = changed.Task;
                }

                await next.WaitAsync(Patience);
            }
        }
    }
}
