using System.Text.Json;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.Storage;
using Orleans;

namespace LivingLab.Tests.Cluster;

/// <summary>
/// Creates challenges and ideas for the cluster tests and reads back what the store holds of them: events and row sets,
/// keyed by the stored grain type names (the interfaces' full names).
/// </summary>
internal static class ClusterItems
{
    public static readonly string ChallengeType = typeof(IChallengeGrain).FullName!;

    public static readonly string IdeaType = typeof(IIdeaGrain).FullName!;

    public static readonly IdeaInput Idea = new("離島の電動モビリティ配送", "飛島の買い物を**電動モビリティ**で届ける。", "transport");

    public static ChallengeInput Challenge(int n) => new($"駅前の駐輪場が足りない {n}", "朝の通勤時間に自転車を停める場所がありません。", "transport");

    public static readonly AdvanceInput Rationale = new(Stage.Research, "島民説明会で合意", ["https://town.example.jp/minutes/1"]);

    public static AdvanceInput MoveTo(Stage stage) => Rationale with { ToStage = stage };

    public static readonly CommentInput Comment = new("私も毎朝困っています。");

    /// <summary>Every event in the log, in order.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> AllEventsAsync(IStateStore store)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadEventsAsync(all.Count == 0 ? 0 : all[^1].Position, 5_000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    /// <summary>The stages an idea's IdeaAdvanced events moved it between, oldest first.</summary>
    public static IReadOnlyList<(string From, string To)> Moves(IEnumerable<StoredEvent> events, string ideaId) =>
        [.. events.Where(e => e.GrainType == IdeaType && e.GrainKey == ideaId && e.EventType == IdeaEvents.Advanced).Select(e =>
        {
            using var payload = JsonDocument.Parse(e.Payload);
            return (payload.RootElement.GetProperty("from").GetString()!, payload.RootElement.GetProperty("to").GetString()!);
        })];

    public static int Count(IEnumerable<StoredEvent> events, string grainType, string key, string eventType) =>
        events.Count(e => e.GrainType == grainType && e.GrainKey == key && e.EventType == eventType);
}
