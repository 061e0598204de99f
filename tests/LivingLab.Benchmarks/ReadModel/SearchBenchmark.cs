using System.Diagnostics;
using System.Globalization;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Search;

namespace LivingLab.Benchmarks.ReadModel;

/// <summary>
/// Indexes generated local issues in Japanese and English and times searches over them.
/// Target (pipeline issue): a query over 10,000 challenges has p50 of at most 10 ms.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] Places = ["駅前", "公園", "商店街", "小学校", "港", "飛島", "市役所", "図書館", "病院", "バス停"];
    private static readonly string[] Problems =
    [
        "の駐輪場が足りない", "のベンチが壊れている", "の街灯が暗い", "の歩道が狭い", "にごみが多い",
        "の段差が危ない", "の案内がわかりにくい", "の待ち時間が長い", "にWi-Fiがない", "の除雪が遅い",
    ];

    private static readonly string[] English = ["bench", "bicycle parking", "street light", "ferry booking", "snow removal", "bus stop"];

    private static readonly string[] Queries = ["駐輪", "公園", "ベンチ", "公園 ベンチ", "除雪", "bench", "ferry booking", "飛島 案内", "バス停", "図書館 暗い"];

    public static async Task RunAsync(IReadModelDatabase database, string provider, int documents, int queries, TextWriter output)
    {
        var index = new SearchIndex(database);
        var kind = $"bench-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        await using (var connection = await database.OpenConnectionAsync())
        {
            for (var start = 0; start < documents; start += 1_000)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                for (var i = start; i < Math.Min(start + 1_000, documents); i++)
                {
                    await SearchIndex.IndexAsync(connection, transaction, kind, $"c{i:D6}", Text(i));
                }

                await transaction.CommitAsync();
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: indexed {documents:N0} documents in {clock.Elapsed.TotalSeconds:N1} s"));
        foreach (var query in Queries)
        {
            await index.SearchAsync(kind, query, 20);
        }

        var timings = new List<double>(queries);
        var hits = 0L;
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            hits += (await index.SearchAsync(kind, Queries[i % Queries.Length], 20)).DocumentIds.Count;
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {queries:N0} queries (first 20 hits), p50 {timings[timings.Count / 2]:N2} ms, p99 {timings[(int)(timings.Count * 0.99)]:N2} ms, {hits / (double)queries:N1} hits each"));
    }

    private static string Text(int i) =>
        $"{Places[i % Places.Length]}{Problems[i / Places.Length % Problems.Length]}。{English[i % English.Length]} #{i}";
}
