using System.Net;
using System.Text.Json;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.Storage;
using LivingLab.Tests.ReadModel;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Lists;

/// <summary>
/// One web host per test class with a town's worth of challenges and ideas written into its store as events (the grains'
/// own writes are not needed to read them), projected before the first test reads.
/// </summary>
public abstract class ListApiHost : IAsyncLifetime
{
    public const string SpreadsheetTitle = "Bench, \"broken\"\nnear the gate";
    public const string FormulaTitle = "=cmd|' /C calc'!A0";
    public const string HiddenComment = "HIDDEN-COMMENT-TEXT";
    public const string DeclinedApplicationReason = "SECRET-APPLICATION-REASON";

    public LivingLabFactory Factory { get; private set; } = null!;

    /// <summary>The email of the account that posted c1; no read model may show it.</summary>
    public string AuthorEmail { get; } = AccountApi.UniqueEmail();

    public string AuthorId { get; private set; } = null!;

    public EventFeed Feed { get; private set; } = null!;

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync()
    {
        Factory = AccountApi.Factory(await SettingsAsync());
        using (var client = Factory.CreateClient())
        {
            AuthorId = await AccountApi.RegisteredId(client, AuthorEmail);
        }

        Feed = new EventFeed(Factory.Services.GetRequiredService<IStateStore>());
        await SeedAsync();
        await CatchUpAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>Applies every event written so far: lists follow writes a moment behind, and a test must not guess how long.</summary>
    public Task CatchUpAsync() => Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string url, string? language = null)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await AccountApi.Json(response));
    }

    private async Task SeedAsync()
    {
        await Feed.SubmitAsync("c1", "駅前の駐輪場が足りない", body: "朝は停める場所がありません", category: "transport",
            place: new Place("駅前", 38.92, 139.84), author: AuthorId);
        for (var count = 1; count <= 5; count++)
        {
            await Feed.SupportAsync("c1", count, $"resident-{count}");
        }

        await Feed.CommentAsync(EventFeed.ChallengeType, "c1", "m1", HiddenComment);
        await Feed.RemoveCommentAsync(EventFeed.ChallengeType, "c1", "m1", hide: true, "個人名を含むため");
        await Feed.CommentAsync(EventFeed.ChallengeType, "c1", "m2", "同感です");
        await Feed.SubmitAsync("c2", SpreadsheetTitle, body: "Seen at 公園 north, 2 benches", category: "parks");
        await Feed.SupportAsync("c2", 2);
        await Feed.SubmitAsync("c3", FormulaTitle, body: "-2+3", category: "other",
            proxy: new ProxyEntry(ProxyChannel.Paper, "70代の住民", "staff-7"));
        await Feed.SubmitAsync("c4", "公園のベンチが古い", category: "parks");
        await Feed.CreateIdeaAsync("i1", "公園ベンチの更新", summary: "木製ベンチを更新する", category: "parks", challengeId: "c4");
        await Feed.AcceptAsync("c4", "i1");
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a1", "p1", "member-1", true, null));
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided,
            new PartnerApplicationDecidedEvent("i1", "a2", "p2", "member-2", false, DeclinedApplicationReason));
        await Feed.Idea("i1", IdeaEvents.OperatorSet, new OperatorSetEvent("i1", "town"));
        await Feed.AdvanceAsync("i1", Stage.Discovery, Stage.Research, "利用状況を調べる");
        await Feed.VoteAsync("i1", 3);
        await Feed.SubmitAsync("c5", "花火大会を増やしてほしい", category: "tourism");
        await Feed.DeclineChallengeAsync("c5", "観光協会の事業のため");
        await Feed.CreateIdeaAsync("i2", "AI-OCR for staff", summary: "Read paper forms automatically", category: "digital");
        await Feed.VoteAsync("i2", 7);
        await Feed.CreateIdeaAsync("i3", "港の足湯", category: "tourism");
        await Feed.CloseAsync("i3", Stage.Discovery, IdeaStatus.Declined, "維持費が大きい");
    }
}

/// <summary>The list API over a SQLite file.</summary>
public sealed class SqliteListApiHost : ListApiHost
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>The list API over PostgreSQL.</summary>
public sealed class PostgresListApiHost : ListApiHost
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = await PostgresTestServer.CreateDatabaseAsync(),
    };
}
