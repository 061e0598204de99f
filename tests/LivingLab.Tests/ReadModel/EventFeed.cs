using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using Orleans;
using LivingLab.Storage;

namespace LivingLab.Tests.ReadModel;

/// <summary>
/// Writes challenge and idea events straight into a store, as the grains will: through <see cref="IStateStore.WriteAsync"/>
/// under the grain type the runtime uses, with payloads serialized from the shared event records with the runtime's JSON
/// settings (web defaults, enums as numbers). Each event is one minute after the last unless a time is given.
/// </summary>
public sealed class EventFeed(IStateStore storage)
{
    public static readonly string ChallengeType = typeof(IChallengeGrain).FullName!;
    public static readonly string IdeaType = typeof(IIdeaGrain).FullName!;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Dictionary<StateId, long> versions = [];

    /// <summary>The time of the last event written.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task WriteAsync(string grainType, string key, string eventType, object payload, string? actor = "staff-1", DateTimeOffset? at = null)
    {
        Now = at ?? Now.AddMinutes(1);
        var id = new StateId(grainType, key, "state");
        var data = new EventData(eventType, JsonSerializer.Serialize(payload, payload.GetType(), Json), actor, Now);
        versions[id] = await storage.WriteAsync(new StateWrite(id, "{}", versions.GetValueOrDefault(id), [data]));
    }

    public Task SubmitAsync(
        string id, string title, string body = "本文です", string category = "parks", Place? place = null, ProxyEntry? proxy = null,
        string author = "resident-1", DateTimeOffset? at = null) =>
        Challenge(id, ChallengeEvents.Submitted, new ChallengeSubmittedEvent(id, title, body, category, place, proxy, author), author, at);

    public Task SupportAsync(string id, int count, string supporter = "resident-2") =>
        Challenge(id, ChallengeEvents.Supported, new ChallengeSupportEvent(id, count), supporter);

    public Task AcceptAsync(string id, string ideaId, bool createdIdea = true) =>
        Challenge(id, ChallengeEvents.Accepted, new ChallengeAcceptedEvent(id, ideaId, createdIdea));

    public Task DeclineChallengeAsync(string id, string reason) =>
        Challenge(id, ChallengeEvents.Declined, new ChallengeDeclinedEvent(id, reason));

    public Task Challenge(string id, string eventType, object payload, string? actor = "staff-1", DateTimeOffset? at = null) =>
        WriteAsync(ChallengeType, id, eventType, payload, actor, at);

    public Task CreateIdeaAsync(
        string id, string title, string summary = "要約です", string category = "parks", string? challengeId = null, DateTimeOffset? at = null) =>
        Idea(id, IdeaEvents.Created, new IdeaCreatedEvent(id, title, summary, category, StageWireNames.Format(Stage.Discovery), challengeId, "staff-1"), at: at);

    public Task AdvanceAsync(string id, Stage from, Stage to, string rationale = "判断理由", DateTimeOffset? at = null, IReadOnlyList<string>? evidence = null) =>
        Idea(id, IdeaEvents.Advanced,
            new IdeaAdvancedEvent(id, StageWireNames.Format(from), StageWireNames.Format(to), rationale, evidence ?? [], Reopened: from == to), at: at);

    public Task CloseAsync(string id, Stage stage, IdeaStatus status, string reason, DateTimeOffset? at = null) =>
        Idea(id, IdeaEvents.Closed, new IdeaClosedEvent(id, StageWireNames.Format(stage), IdeaStatusWireNames.Format(status), reason), at: at);

    public Task VoteAsync(string id, int count, string voter = "resident-3") =>
        Idea(id, IdeaEvents.Voted, new IdeaVoteEvent(id, count), voter);

    public Task Idea(string id, string eventType, object payload, string? actor = "staff-1", DateTimeOffset? at = null) =>
        WriteAsync(IdeaType, id, eventType, payload, actor, at);

    public Task CommentAsync(string grainType, string itemId, string commentId, string body = "コメント", string author = "resident-4") =>
        WriteAsync(grainType, itemId, CommentEvents.Posted, new CommentPostedEvent(itemId, commentId, null, null, author, body), author);

    public Task RemoveCommentAsync(string grainType, string itemId, string commentId, bool hide, string? reason = null) =>
        WriteAsync(grainType, itemId, hide ? CommentEvents.Hidden : CommentEvents.Deleted, new CommentRemovedEvent(itemId, commentId, reason));
}
