using System.Data.Common;
using LivingLab.ReadModel;
using LivingLab.Storage;
using LivingLab.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivingLab.Tests.ReadModel;

/// <summary>The projection runner over both stores: every event applied exactly once, atomically with its checkpoint.</summary>
public abstract class ProjectionRunnerContractTests : IAsyncLifetime
{
    private ITestStore store = null!;
    private IStateStore storage = null!;
    private CountingProjection projection = null!;
    private CountingProjection second = null!;
    private ProjectionRunner runner = null!;

    protected abstract ITestStoreFactory Stores { get; }

    public async Task InitializeAsync()
    {
        store = await Stores.CreateFreshAsync();
        storage = store.Open();
        await storage.MigrateAsync();
        projection = new CountingProjection("test_event_counts");
        second = new CountingProjection("test_event_counts_second");
        await using (var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync())
        {
            foreach (var table in new[] { projection.Name, second.Name })
            {
                await using var create = connection.CreateCommand();
                create.CommandText = $"CREATE TABLE {table} (event_type text PRIMARY KEY, seen bigint NOT NULL)";
                await create.ExecuteNonQueryAsync();
            }
        }

        runner = new ProjectionRunner(storage, (IReadModelDatabase)storage, [projection], [], NullLogger<ProjectionRunner>.Instance);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Every_event_is_applied_exactly_once_across_repeated_catch_ups()
    {
        await WriteAsync("a", "Created", "Supported", "Supported");
        await runner.CatchUpAsync();
        await WriteAsync("b", "Created", "Supported");
        await runner.CatchUpAsync();
        await runner.CatchUpAsync();

        Assert.Equal(new Dictionary<string, long> { ["Created"] = 2, ["Supported"] = 3 }, await CountsAsync());
    }

    [Fact]
    public async Task A_failing_event_rolls_back_its_batch_and_checkpoint_and_the_next_round_applies_all_once()
    {
        await WriteAsync("a", "Created", "Poison", "Supported");
        projection.FailOn = "Poison";

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.CatchUpAsync());
        Assert.Empty(await CountsAsync());

        projection.FailOn = null;
        await runner.CatchUpAsync();
        Assert.Equal(new Dictionary<string, long> { ["Created"] = 1, ["Poison"] = 1, ["Supported"] = 1 }, await CountsAsync());
    }

    [Fact]
    public async Task A_rebuild_starts_from_the_first_event_and_ends_with_the_same_read_model()
    {
        await WriteAsync("a", "Created", "Supported");
        await runner.CatchUpAsync();

        await runner.RebuildAsync(projection.Name);

        Assert.Equal(new Dictionary<string, long> { ["Created"] = 1, ["Supported"] = 1 }, await CountsAsync());
    }

    [Fact]
    public async Task A_failing_projection_does_not_hold_back_the_others_and_each_applies_every_event_once()
    {
        var both = new ProjectionRunner(storage, (IReadModelDatabase)storage, [projection, second], [], NullLogger<ProjectionRunner>.Instance);
        await WriteAsync("a", "Created", "Poison", "Supported");
        projection.FailOn = "Poison";

        await Assert.ThrowsAsync<InvalidOperationException>(() => both.CatchUpAsync());
        Assert.Empty(await CountsAsync());
        Assert.Equal(new Dictionary<string, long> { ["Created"] = 1, ["Poison"] = 1, ["Supported"] = 1 }, await CountsAsync(second));

        projection.FailOn = null;
        await WriteAsync("b", "Created");
        await both.CatchUpAsync();
        var expected = new Dictionary<string, long> { ["Created"] = 2, ["Poison"] = 1, ["Supported"] = 1 };
        Assert.Equal(expected, await CountsAsync());
        Assert.Equal(expected, await CountsAsync(second));
    }

    [Fact]
    public async Task A_projection_rebuilt_beside_one_in_step_catches_up_while_the_other_gets_only_new_events()
    {
        var both = new ProjectionRunner(storage, (IReadModelDatabase)storage, [projection, second], [], NullLogger<ProjectionRunner>.Instance);
        await WriteAsync("a", "Created", "Supported");
        await both.CatchUpAsync();

        await using (var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await second.ResetAsync(connection, transaction, CancellationToken.None);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.Transaction = transaction;
            checkpoint.CommandText = $"DELETE FROM projection_checkpoints WHERE name = '{second.Name}'";
            await checkpoint.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await WriteAsync("b", "Created");
        Assert.Equal(3, await both.CatchUpAsync());
        var expected = new Dictionary<string, long> { ["Created"] = 2, ["Supported"] = 1 };
        Assert.Equal(expected, await CountsAsync());
        Assert.Equal(expected, await CountsAsync(second));
    }

    [Fact]
    public async Task Two_nodes_catching_up_at_once_on_one_database_apply_each_event_once()
    {
        // A second node: its own store instance over the same database and its own runner with the same projection.
        await using var otherNode = store.Open();
        var otherRunner = new ProjectionRunner(otherNode, (IReadModelDatabase)otherNode, [new CountingProjection(projection.Name)], [], NullLogger<ProjectionRunner>.Instance);
        for (var round = 0; round < 10; round++)
        {
            await WriteAsync($"k{round}", "Created", "Supported", "Supported");
            await Task.WhenAll(runner.CatchUpAsync(), otherRunner.CatchUpAsync(), runner.CatchUpAsync(), otherRunner.CatchUpAsync());
        }

        Assert.Equal(new Dictionary<string, long> { ["Created"] = 10, ["Supported"] = 20 }, await CountsAsync());
    }

    [Fact]
    public async Task A_rebuild_while_another_node_is_mid_batch_on_that_projection_ends_with_every_event_applied()
    {
        await WriteAsync("a", "Created", "Supported");
        await runner.CatchUpAsync();
        await WriteAsync("b", "Created");

        // The other node is inside its batch on the projection, between reading its checkpoint and saving it.
        await using var otherNode = store.Open();
        var held = new CountingProjection(projection.Name) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var otherRunner = new ProjectionRunner(otherNode, (IReadModelDatabase)otherNode, [held], [], NullLogger<ProjectionRunner>.Instance);
        var batch = otherRunner.CatchUpAsync();
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // On its own thread: SQLite's wait for the write lock blocks the caller's.
        var rebuild = Task.Run(() => runner.RebuildAsync(projection.Name));
        // Give a reset that does not wait for the other node's batch the time to land (a correct one waits for it).
        await Task.WhenAny(rebuild, Task.Delay(TimeSpan.FromSeconds(1)));
        held.Gate.SetResult();
        await Task.WhenAll(batch, rebuild).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new Dictionary<string, long> { ["Created"] = 2, ["Supported"] = 1 }, await CountsAsync());
    }

    [Fact]
    public async Task A_node_that_read_the_checkpoint_before_another_node_reset_it_applies_the_whole_log_not_just_its_batch()
    {
        await WriteAsync("a", "Created", "Supported");
        await runner.CatchUpAsync();
        await WriteAsync("b", "Created");

        // The other node has read the checkpoint (2) and waits on its read of the events after it.
        await using var otherNode = store.Open();
        var otherReads = new GatedReads(otherNode);
        var otherRunner = new ProjectionRunner(otherReads, (IReadModelDatabase)otherNode, [new CountingProjection(projection.Name)], [], NullLogger<ProjectionRunner>.Instance);
        var batch = otherRunner.CatchUpAsync();
        await otherReads.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // This node resets the projection and stops before it reads the log again.
        var rebuildingReads = new GatedReads(storage);
        var rebuilding = new ProjectionRunner(rebuildingReads, (IReadModelDatabase)storage, [projection], [], NullLogger<ProjectionRunner>.Instance);
        var rebuild = Task.Run(() => rebuilding.RebuildAsync(projection.Name));
        await rebuildingReads.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The other node's batch lands on the reset projection first, then the rebuild reads on.
        otherReads.Gate.SetResult();
        await batch.WaitAsync(TimeSpan.FromSeconds(30));
        rebuildingReads.Gate.SetResult();
        await rebuild.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new Dictionary<string, long> { ["Created"] = 2, ["Supported"] = 1 }, await CountsAsync());
    }

    [Fact]
    public async Task A_follower_sees_every_event_once_the_read_models_hold_it_whichever_node_applied_it()
    {
        await using var otherNode = store.Open();
        var follower = new RecordingFollower();
        var followingRunner = new ProjectionRunner(storage, (IReadModelDatabase)storage, [projection], [follower], NullLogger<ProjectionRunner>.Instance);
        var otherRunner = new ProjectionRunner(otherNode, (IReadModelDatabase)otherNode, [new CountingProjection(projection.Name)], [], NullLogger<ProjectionRunner>.Instance);
        await WriteAsync("before", "Created");
        var start = await followingRunner.CatchUpAsync();

        await WriteAsync("a", "Created", "Supported");
        await otherRunner.CatchUpAsync();
        var reached = await followingRunner.CatchUpAsync();
        await followingRunner.CatchUpAsync();

        // What happened before this node started is not followed; what the other node applied is, once.
        Assert.Equal(["Created", "Supported"], follower.Seen.Select(e => e.EventType));
        Assert.All(follower.Seen, e => Assert.InRange(e.Position, start + 1, reached));
    }

    private async Task WriteAsync(string key, params string[] eventTypes)
    {
        var id = new StateId("test.Projected", key, "state");
        var version = (await storage.ReadAsync(id))?.Version ?? 0;
        var events = eventTypes.Select(t => new EventData(t, "{}", "person-1", DateTimeOffset.UnixEpoch)).ToList();
        await storage.WriteAsync(new StateWrite(id, "{}", version, events));
    }

    private Task<Dictionary<string, long>> CountsAsync() => CountsAsync(projection);

    private async Task<Dictionary<string, long>> CountsAsync(CountingProjection counted)
    {
        await using var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT event_type, seen FROM {counted.Name}";
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Records what it is handed, as a node's live-signal follower would take it in.</summary>
    private sealed class RecordingFollower : IEventFollower
    {
        public List<StoredEvent> Seen { get; } = [];

        public Task FollowAsync(IReadOnlyList<StoredEvent> events, DbConnection connection, CancellationToken cancellationToken)
        {
            Seen.AddRange(events);
            return Task.CompletedTask;
        }
    }

    /// <summary>A node's store whose first read of the event log waits until the test lets it go on.</summary>
    private sealed class GatedReads(IStateStore inner) : IStateStore
    {
        public string ProviderName => inner.ProviderName;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
        {
            if (Entered.TrySetResult())
            {
                await Gate.Task;
            }

            return await inner.ReadEventsAsync(afterPosition, maxCount, cancellationToken);
        }

        public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

        public Task<StoredState?> ReadAsync(StateId id, CancellationToken cancellationToken = default) => inner.ReadAsync(id, cancellationToken);

        public Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default) => inner.WriteAsync(write, cancellationToken);

        public Task<IReadOnlyList<GrainRow>> ReadRowsAsync(string grainType, string grainKey, string set, CancellationToken cancellationToken = default) =>
            inner.ReadRowsAsync(grainType, grainKey, set, cancellationToken);

        public Task<GrainRow?> ReadRowAsync(string grainType, string grainKey, string set, string member, CancellationToken cancellationToken = default) =>
            inner.ReadRowAsync(grainType, grainKey, set, member, cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

        // The wrapped store belongs to the test, which disposes it.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Counts events per type; can be told to fail on one type, as a buggy projection would.</summary>
    private sealed class CountingProjection(string table) : IProjection
    {
        /// <summary>The projection's name is also its table's.</summary>
        public string Name => table;

        public string? FailOn { get; set; }

        /// <summary>When set, the first event applied waits for it, so a test can hold a batch mid-way.</summary>
        public TaskCompletionSource? Gate { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            if (Gate is not null && Entered.TrySetResult())
            {
                await Gate.Task;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} (event_type, seen) VALUES (@type, 1) "
                + $"ON CONFLICT (event_type) DO UPDATE SET seen = {table}.seen + 1";
            var type = command.CreateParameter();
            type.ParameterName = "type";
            type.Value = storedEvent.EventType;
            command.Parameters.Add(type);
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (storedEvent.EventType == FailOn)
            {
                throw new InvalidOperationException($"projection cannot handle {FailOn}");
            }
        }

        public async Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>The projection runner against SQLite files.</summary>
public sealed class SqliteProjectionRunnerContractTests(SqliteStoreFixture fixture) : ProjectionRunnerContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>The projection runner against the real PostgreSQL server.</summary>
public sealed class PostgresProjectionRunnerContractTests(PostgresStoreFixture fixture) : ProjectionRunnerContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
