using System.Data.Common;
using LivingLab.ReadModel;
using LivingLab.Storage;
using LivingLab.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivingLab.Tests.ReadModel;

/// <summary>The projection runner over both stores: every event applied exactly once, atomically with its checkpoint.</summary>
public abstract class ProjectionRunnerContractTests : IAsyncLifetime
{
    private IGrainStorage storage = null!;
    private CountingProjection projection = null!;
    private ProjectionRunner runner = null!;

    protected abstract ITestStoreFactory Stores { get; }

    public async Task InitializeAsync()
    {
        storage = (await Stores.CreateFreshAsync()).Open();
        await storage.MigrateAsync();
        projection = new CountingProjection();
        await using (var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync())
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE test_event_counts (event_type text PRIMARY KEY, seen bigint NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        runner = new ProjectionRunner(storage, (IReadModelDatabase)storage, [projection], NullLogger<ProjectionRunner>.Instance);
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

    private async Task WriteAsync(string key, params string[] eventTypes)
    {
        var id = new StateId("test.Projected", key, "state");
        var version = (await storage.ReadAsync(id))?.Version ?? 0;
        var events = eventTypes.Select(t => new EventData(t, "{}", "person-1", DateTimeOffset.UnixEpoch)).ToList();
        await storage.WriteAsync(new StateWrite(id, "{}", version, events));
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_type, seen FROM test_event_counts";
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Counts events per type; can be told to fail on one type, as a buggy projection would.</summary>
    private sealed class CountingProjection : IProjection
    {
        public string Name => "test-event-counts";

        public string? FailOn { get; set; }

        public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO test_event_counts (event_type, seen) VALUES (@type, 1) "
                + "ON CONFLICT (event_type) DO UPDATE SET seen = test_event_counts.seen + 1";
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
            command.CommandText = "DELETE FROM test_event_counts";
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
