using System.Diagnostics;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Demo;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>What must happen once per cluster happens once with two nodes on one database: read models and the demo town.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OncePerClusterTests(ITestOutputHelper output)
{
    private const int Challenges = 30;

    // Every table the projections write; the rest of the database is the store's and Orleans'.
    private static readonly string[] ReadModelTables =
    [
        "challenge_list", "idea_list", "list_comments", "stage_periods", "timeline", "people_directory",
        "notification_audience", "notification_links", "notification_mutes", "notifications", "search_documents", "search_grams",
    ];

    [Fact]
    public async Task Two_nodes_running_the_projection_runner_on_one_database_apply_every_event_once()
    {
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        var challenges = new List<string>();
        for (var i = 0; i < Challenges; i++)
        {
            Callers.Resident($"author-{i}");
            var id = Ids.New();
            Assert.True((await cluster[i].Grains.GetGrain<IChallengeGrain>(id).SubmitAsync(ClusterItems.Challenge(i))).Succeeded);
            challenges.Add(id);
        }

        // Supports, follows, comments and decisions through both nodes at once, so both runners are nudged and race.
        var ideas = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(challenges.Select((id, i) => Task.Run(async () =>
        {
            for (var k = 0; k < 4; k++)
            {
                var challenge = cluster[i + k].Grains.GetGrain<IChallengeGrain>(id);
                Callers.Resident($"neighbour-{(i + k) % 12}");
                Assert.True((await challenge.SupportAsync()).Succeeded);
                Assert.True((await challenge.FollowAsync()).Succeeded);
                Assert.True((await challenge.CommentAsync(ClusterItems.Comment)).Succeeded);
            }

            if (i % 5 == 0)
            {
                // Accepted into an idea that then moves on: the challenge's audience hears of it, from the idea's events.
                Callers.Facilitator();
                var ideaId = (await cluster[i + 1].Grains.GetGrain<IChallengeGrain>(id).AcceptAsync(null)).Value!;
                var idea = cluster[i].Grains.GetGrain<IIdeaGrain>(ideaId);
                Assert.True((await idea.AdvanceAsync(ClusterItems.MoveTo(Stage.Research))).Succeeded);
                Callers.Resident($"neighbour-{i % 12}");
                Assert.True((await idea.VoteAsync()).Succeeded);
                ideas.Add(ideaId);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(120));

        var runners = new[] { cluster.A, cluster.B }.Select(n => n.Services.GetRequiredService<ProjectionRunner>()).ToArray();
        await Task.WhenAll(runners.Select(r => r.CatchUpAsync())).WaitAsync(TimeSpan.FromSeconds(60));
        var last = (await ClusterItems.AllEventsAsync(cluster.A.Store))[^1].Position;
        var connectionString = store.Settings["ConnectionStrings:Postgres"]!;
        var raced = await DumpAsync(connectionString);

        Assert.Equal(challenges.Order(StringComparer.Ordinal), await IdsAsync(connectionString, "challenge_list"));
        Assert.Equal(ideas.Order(StringComparer.Ordinal), await IdsAsync(connectionString, "idea_list"));
        Callers.Anonymous();
        foreach (var id in challenges)
        {
            var details = (await cluster.B.Grains.GetGrain<IChallengeGrain>(id).GetAsync())!;
            var (supports, comments) = await CountsAsync(connectionString, id);
            Assert.Equal((details.SupportCount, details.CommentCount), (supports, comments));
        }

        Assert.All(await CheckpointsAsync(connectionString), c => Assert.Equal(last, c));
        Assert.True(raced["notifications"].Rows > 0 && raced["stage_periods"].Rows > 0);

        // The reference: each projection rebuilt from the log by one runner alone must come out exactly as the two racing runners left it.
        var projections = cluster.A.Services.GetServices<IProjection>().Select(p => p.Name).ToArray();
        foreach (var name in projections)
        {
            await runners[0].RebuildAsync(name).WaitAsync(TimeSpan.FromSeconds(60));
        }

        var rebuilt = await DumpAsync(connectionString);
        output.WriteLine($"{last} events applied by the runners of {cluster.A.Address} and {cluster.B.Address}; read-model rows: " +
            string.Join(", ", raced.Select(t => $"{t.Key} {t.Value.Rows}")));
        Assert.True(rebuilt.SequenceEqual(raced), "tables that differ from one runner's rebuild: " +
            string.Join(", ", rebuilt.Where(t => !raced.TryGetValue(t.Key, out var r) || r != t.Value).Select(t => $"{t.Key} rebuilt {t.Value.Rows} raced {(raced.TryGetValue(t.Key, out var r) ? r.Rows : -1)}")));
        Assert.Empty(cluster.A.Log.From("LivingLab.ReadModel").Concat(cluster.B.Log.From("LivingLab.ReadModel")));
    }

    [Fact]
    public async Task Two_nodes_seeding_the_demo_town_at_once_seed_it_once_exactly_as_one_node_does()
    {
        // The demo town as one node alone seeds it (on SQLite), as the reference.
        IReadOnlyDictionary<string, int> reference;
        var clock = Stopwatch.StartNew();
        await using (var single = await TestSilo.StartAsync())
        {
            var seeded = await ActivatorUtilities.CreateInstance<DemoTownSeeder>(single.Services).SeedIfEmptyAsync();
            Assert.Equal(DemoTownProgress.Completed, seeded.Progress);
            reference = CountsByType(await ClusterItems.AllEventsAsync(single.Storage));
        }

        var alone = clock.Elapsed;
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        clock.Restart();
        var seeders = new[] { cluster.A, cluster.B }.Select(n => ActivatorUtilities.CreateInstance<DemoTownSeeder>(n.Services)).ToArray();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = seeders.Select(s => Task.Run(async () =>
        {
            await go.Task;
            return await s.SeedIfEmptyAsync();
        })).ToArray();
        go.SetResult();
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(2));

        var events = await ClusterItems.AllEventsAsync(cluster.A.Store);
        var counts = CountsByType(events);
        output.WriteLine($"one node alone seeded in {alone.TotalSeconds:F1} s (with start and stop); two nodes at once in {clock.Elapsed.TotalSeconds:F1} s: " +
            $"steps run {string.Join(" and ", results.Select(r => r.Steps))}, {events.Count} events; by type: " +
            string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        Assert.Single(results, r => r.Steps > 0);
        Assert.Equal(DemoTownProgress.Completed, (await cluster.B.Grains.GetGrain<IDemoTownGrain>(IDemoTownGrain.Key).GetAsync()).Progress);
        Assert.Equal(reference, counts);
        Assert.Equal(DemoChallenges.All.Length, counts[ChallengeEvents.Submitted]);
        Assert.Equal(DemoIdeas.All.Length, counts[IdeaEvents.Created]);
        Assert.Single(events, e => e.EventType == "DemoTownSeeded");
        // Each item began once: no challenge or idea was created by both nodes.
        Assert.All(events.Where(e => e.EventType is ChallengeEvents.Submitted or IdeaEvents.Created).GroupBy(e => e.GrainKey), g => Assert.Single(g));
    }

    // How many events of each type, leaving out the demo marker's own (which differ with who held the lease).
    private static SortedDictionary<string, int> CountsByType(IEnumerable<LivingLab.Storage.StoredEvent> events) =>
        new(events.Where(e => !e.EventType.StartsWith("DemoTown", StringComparison.Ordinal))
            .GroupBy(e => e.EventType)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

    // Each read-model table as a row count and a digest of every row, so two states of the read models compare exactly.
    private static async Task<SortedDictionary<string, (long Rows, string Digest)>> DumpAsync(string connectionString)
    {
        var dump = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in ReadModelTables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            dump[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return dump;
    }

    private static async Task<List<string>> IdsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id FROM {table} ORDER BY id COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<(int Supports, int Comments)> CountsAsync(string connectionString, string challengeId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT support_count, comment_count FROM challenge_list WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = challengeId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"challenge {challengeId} is not in challenge_list");
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static async Task<List<long>> CheckpointsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT position FROM projection_checkpoints", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var positions = new List<long>();
        while (await reader.ReadAsync())
        {
            positions.Add(reader.GetInt64(0));
        }

        return positions;
    }
}
