using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using Orleans;
using LivingLab.Storage;

namespace LivingLab.Benchmarks.ReadModel;

/// <summary>
/// Seeds generated challenges (a fifth of them accepted into ideas at various stages) as events, projects them with the
/// real projections, then times challenge-list queries that filter, search, sort and page as the public list does.
/// Target (lists issue): p50 of at most 10 ms over 10,000 challenges.
/// </summary>
public static class ListQueryBenchmark
{
    private static readonly string[] Places = ["駅前", "公園", "商店街", "小学校", "港", "飛島", "市役所", "図書館", "病院", "バス停"];
    private static readonly string[] Problems =
    [
        "の駐輪場が足りない", "のベンチが壊れている", "の街灯が暗い", "の歩道が狭い", "にごみが多い",
        "の段差が危ない", "の案内がわかりにくい", "の待ち時間が長い", "にWi-Fiがない", "の除雪が遅い",
    ];

    private static readonly string[] English = ["bench", "bicycle parking", "street light", "ferry booking", "snow removal", "bus stop"];
    private static readonly string[] CategoryIds = ["transport", "parks", "safety", "elderly", "children", "digital", "environment", "tourism"];

    private static readonly ChallengeListQuery[] Queries =
    [
        new(),
        new(Text: "公園"),
        new(Text: "駐輪", Status: ChallengeStatus.Open, Sort: ChallengeSort.Supported),
        new(Category: "transport", Sort: ChallengeSort.Supported),
        new(Stage: Stage.Research),
        new(Text: "bench", Category: "parks"),
        new(Text: "公園 ベンチ", Sort: ChallengeSort.Supported, Page: 3),
        new(Text: "駅前", Status: ChallengeStatus.Accepted, Stage: Stage.Pilot),
        new(Sort: ChallengeSort.Supported, Page: 50),
        new(Text: "除雪", Category: "safety", Sort: ChallengeSort.Supported),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(
        IStateStore storage, ProjectionRunner runner, ChallengeQueries challenges, string provider, int count, int queries, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var events = await SeedAsync(storage, count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: wrote {count:N0} challenges ({events:N0} events) in {clock.Elapsed.TotalSeconds:N1} s"));

        clock.Restart();
        await runner.CatchUpAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: projected them (lists, search, stage periods, timeline) in {clock.Elapsed.TotalSeconds:N1} s, {events / clock.Elapsed.TotalSeconds:N0} events/s"));

        if (provider == "Postgres")
        {
            // What autovacuum does by itself within a minute of a bulk load: statistics for the planner, and the visibility
            // map that lets the gram lookups be index-only scans. Measured without it, the first queries would run on plans
            // made with no statistics, and autovacuum's own run would land in the middle of the timings.
            await using var connection = await ((IReadModelDatabase)storage).OpenConnectionAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "VACUUM ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        foreach (var query in Queries)
        {
            await challenges.ListAsync(query);
        }

        var timings = new List<double>(queries);
        var perQuery = Queries.Select(_ => new List<double>()).ToArray();
        var items = 0L;
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await challenges.ListAsync(Queries[i % Queries.Length]);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            timings.Add(elapsed);
            perQuery[i % Queries.Length].Add(elapsed);
            items += page.Value!.Items.Count;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {queries:N0} list queries, p50 {Percentile(timings, 0.5):N2} ms, p99 {Percentile(timings, 0.99):N2} ms, {items / (double)queries:N1} items each"));
        for (var q = 0; q < Queries.Length; q++)
        {
            var total = (await challenges.ListAsync(Queries[q])).Value!.Total;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Describe(Queries[q]),-60} total {total,6:N0}  p50 {Percentile(perQuery[q], 0.5),6:N2} ms  p99 {Percentile(perQuery[q], 0.99),6:N2} ms"));
        }
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * fraction))];
    }

    private static string Describe(ChallengeListQuery q) =>
        string.Join(' ', new[]
        {
            q.Text is null ? null : $"q={q.Text}",
            q.Stage is null ? null : $"stage={StageWireNames.Format(q.Stage.Value)}",
            q.Category is null ? null : $"category={q.Category}",
            q.Status is null ? null : $"status={ChallengeWireNames.Format(q.Status.Value)}",
            $"sort={q.Sort.ToString().ToLowerInvariant()}",
            $"page={q.Page}",
        }.Where(p => p is not null));

    /// <summary>Writes <paramref name="count"/> generated challenges as events (64 writes in flight, group-committed); returns the events written.</summary>
    internal static async Task<long> SeedAsync(IStateStore storage, int count)
    {
        var challengeType = typeof(IChallengeGrain).FullName!;
        var ideaType = typeof(IIdeaGrain).FullName!;
        var start = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
        long events = 0;
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var at = start.AddMinutes(i * 7);
                var id = $"c{i:D6}";
                var title = $"{Places[i % Places.Length]}{Problems[i / Places.Length % Problems.Length]}";
                var body = $"{title}。{English[i % English.Length]} の件です。#{i}";
                var place = new Place(Places[(i / 3) % Places.Length], null, null);
                List<EventData> challenge =
                [
                    Event(ChallengeEvents.Submitted, new ChallengeSubmittedEvent(id, title, body, CategoryIds[i % CategoryIds.Length], place, null, "resident"), at),
                    Event(ChallengeEvents.Supported, new ChallengeSupportEvent(id, i * 37 % 101), at.AddMinutes(1)),
                ];
                if (i % 5 == 0)
                {
                    var ideaId = $"i{i:D6}";
                    var stage = (Stage)(i / 5 % 5);
                    List<EventData> idea =
                    [
                        Event(IdeaEvents.Created, new IdeaCreatedEvent(ideaId, title, body, CategoryIds[i % CategoryIds.Length], "discovery", id, "staff"), at.AddMinutes(2)),
                    ];
                    for (var s = Stage.Discovery; s < stage; s++)
                    {
                        idea.Add(Event(IdeaEvents.Advanced,
                            new IdeaAdvancedEvent(ideaId, StageWireNames.Format(s), StageWireNames.Format(s + 1), "理由", [], false), at.AddDays((int)s + 1)));
                    }

                    await storage.WriteAsync(new StateWrite(new StateId(ideaType, ideaId, "idea"), "{}", 0, idea));
                    challenge.Add(Event(ChallengeEvents.Accepted, new ChallengeAcceptedEvent(id, ideaId, true), at.AddMinutes(3)));
                    Interlocked.Add(ref events, idea.Count);
                }

                await storage.WriteAsync(new StateWrite(new StateId(challengeType, id, "challenge"), "{}", 0, challenge));
                Interlocked.Add(ref events, challenge.Count);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(Worker)));
        return events;
    }

    private static EventData Event(string type, object payload, DateTimeOffset at) =>
        new(type, JsonSerializer.Serialize(payload, payload.GetType(), Json), "staff", at);
}
