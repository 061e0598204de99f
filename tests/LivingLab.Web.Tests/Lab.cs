using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests;

/// <summary>The five kinds of caller the API tells apart.</summary>
public enum Role
{
    Anonymous,
    Resident,
    Partner,
    Facilitator,
    Admin,
}

/// <summary>
/// A running host with one signed-in person per role (a resident, a member of partner company <see cref="PartnerId"/>, a
/// facilitator and the first admin), each with a cookie client and a personal access token, and helpers that build
/// challenges and ideas through the API.
/// </summary>
public sealed class Lab : IAsyncDisposable
{
    private readonly Dictionary<Role, HttpClient> clients = [];
    private readonly Dictionary<Role, string> tokens = [];
    private readonly Dictionary<Role, string> personIds = [];

    private readonly Dictionary<string, string?> settings;

    private Lab(Dictionary<string, string?> settings, ShiftedClock clock)
    {
        this.settings = settings;
        Clock = clock;
        Factory = new LivingLabFactory(settings, clock);
        settings["Storage:Sqlite:Path"] = Factory.DatabasePath;
    }

    public LivingLabFactory Factory { get; }

    public ShiftedClock Clock { get; }

    /// <summary>Every email address the lab signed up with: no public response may contain one.</summary>
    public List<string> Emails { get; } = [PartnerApi.AdminEmail];

    /// <summary>The partner company the partner member belongs to.</summary>
    public string PartnerId { get; private set; } = "";

    public HttpClient Anonymous => clients[Role.Anonymous];

    public HttpClient Resident => clients[Role.Resident];

    public HttpClient Partner => clients[Role.Partner];

    public HttpClient Facilitator => clients[Role.Facilitator];

    public HttpClient Admin => clients[Role.Admin];

    /// <summary>A host on SQLite, or on a fresh PostgreSQL database when <paramref name="postgres"/> is set.</summary>
    public static async Task<Lab> StartAsync(bool postgres = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
            ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
        };
        if (postgres)
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = await PostgresTestServer.CreateDatabaseAsync();
        }

        var lab = new Lab(settings, new ShiftedClock());
        await lab.InitializeAsync();
        return lab;
    }

    /// <summary>The role's cookie client (no cookie for anonymous).</summary>
    public HttpClient Client(Role role) => clients[role];

    /// <summary>The role's person id.</summary>
    public string PersonId(Role role) => personIds[role];

    /// <summary>A new client that authenticates as <paramref name="role"/> with its bearer token and keeps no cookie of the role's.</summary>
    public HttpClient NewClient(Role role)
    {
        var client = Factory.CreateClient();
        if (tokens.TryGetValue(role, out var token))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A new signed-in resident with its own cookie client.</summary>
    public async Task<(HttpClient Client, string Id)> NewResident(string displayName = "酒田 花子")
    {
        var client = Factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        lock (Emails)
        {
            Emails.Add(email);
        }

        using var response = await AccountApi.Register(client, email, displayName: displayName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await AccountApi.Json(response)).GetProperty("id").GetString()!);
    }

    /// <summary>A challenge body with a category and a place.</summary>
    public static object ChallengeBody(string title = "駅前の駐輪場が足りない", string body = "朝の通勤時間に自転車を停める場所がありません。", string category = "transport") =>
        new { title, body, category, place = new { text = "酒田駅前", latitude = 38.9145, longitude = 139.8365 } };

    /// <summary>Applies every event so far to the read models: lists and timelines follow writes a moment behind.</summary>
    public Task CatchUpAsync() => Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();

    /// <summary>Posts a challenge as <paramref name="author"/> (the resident by default) and returns its id.</summary>
    public async Task<string> NewChallenge(HttpClient? author = null, object? body = null)
    {
        using var response = await (author ?? Resident).PostAsJsonAsync("/api/challenges", body ?? ChallengeBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Proposes an idea as <paramref name="author"/> (the resident by default) and returns its id; it is in discovery.</summary>
    public async Task<string> NewIdea(HttpClient? author = null, string title = "とびしまの買い物をLINEで注文")
    {
        using var response = await (author ?? Resident).PostAsJsonAsync("/api/ideas",
            new { title, summary = "島の商店への注文をLINEで受け、電動モビリティで配達する。", category = "digital" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Creates a workshop as the facilitator (a fixed date next month, or an open date) and returns its id.</summary>
    public async Task<string> NewWorkshop(bool openDate = false, int capacity = 20, DateTimeOffset? startsAt = null, bool guestsAllowed = false)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(30);
        using var response = await Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "飛島の買い物を考えるワークショップ",
            description = "島の**買い物**の困りごとを出し合います。",
            stage = "discovery",
            place = "飛島総合センター",
            capacity,
            guestsAllowed,
            startsAt = openDate ? (DateTimeOffset?)null : starts,
            endsAt = openDate ? (DateTimeOffset?)null : starts.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Opens a date poll of two slots on a workshop with an open date; returns the slot ids.</summary>
    public async Task<string[]> OpenPoll(string workshopId)
    {
        var day = DateTimeOffset.UtcNow.AddDays(20);
        using var response = await Facilitator.PostAsJsonAsync($"/api/workshops/{workshopId}/poll", new
        {
            slots = new[] { new { startsAt = day, endsAt = day.AddHours(2) }, new { startsAt = day.AddDays(1), endsAt = day.AddDays(1).AddHours(2) } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await AccountApi.Json(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    /// <summary>Moves an idea as the facilitator and checks it worked.</summary>
    public async Task Advance(string ideaId, string toStage)
    {
        using var response = await Facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/advance",
            new { toStage, rationale = $"{toStage}に進める判断をしました。", evidence = new[] { "https://town.example.jp/minutes/1" } });
        Assert.True(response.IsSuccessStatusCode, $"advance to {toStage}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>An idea in research with the lab's partner applied and accepted; returns the idea id.</summary>
    public async Task<string> IdeaWithAcceptedPartner()
    {
        var ideaId = await NewIdea();
        await Advance(ideaId, "research");
        var applicationId = await Apply(ideaId);
        using var accepted = await Facilitator.PostAsync($"/api/ideas/{ideaId}/partner-applications/{applicationId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return ideaId;
    }

    /// <summary>The lab's partner applies to the idea; returns the application id.</summary>
    public async Task<string> Apply(string ideaId)
    {
        using var applied = await Partner.PostAsJsonAsync($"/api/ideas/{ideaId}/partner-applications",
            new { proposal = "電動モビリティで島内配送を実証します。" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (await AccountApi.Json(applied)).GetProperty("id").GetString()!;
    }

    /// <summary>Adds a complete KPI as the facilitator; returns its id.</summary>
    public async Task<string> AddKpi(string ideaId, string name = "注文件数")
    {
        using var response = await Facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/kpis", new { name, unit = "件/月", baseline = 0, target = 120 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>An idea in pilot, run by the lab's partner, with one KPI; returns both ids.</summary>
    public async Task<(string IdeaId, string KpiId)> IdeaInPilot()
    {
        var ideaId = await IdeaWithAcceptedPartner();
        using var op = await Facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/operator", new { @operator = PartnerId });
        Assert.Equal(HttpStatusCode.OK, op.StatusCode);
        var kpiId = await AddKpi(ideaId);
        await Advance(ideaId, "pilot");
        return (ideaId, kpiId);
    }

    /// <summary>Posts a comment as <paramref name="author"/> on <paramref name="itemPath"/> (e.g. /api/challenges/x); returns its id.</summary>
    public static async Task<string> Comment(HttpClient author, string itemPath, string body = "私も毎朝困っています。", string? parentId = null)
    {
        using var response = await author.PostAsJsonAsync($"{itemPath}/comments", new { body, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>GETs JSON and checks 200.</summary>
    public static async Task<JsonElement> GetJson(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await AccountApi.Json(response);
    }

    /// <summary>
    /// Stops this host and starts a new one on the same store, so what a test reads next comes from storage rather than
    /// from grains still in memory. The lab's clients stop working; use the returned host.
    /// </summary>
    public async Task<LivingLabFactory> RestartAsync()
    {
        await DisposeAsync();
        return new LivingLabFactory(settings, Clock);
    }

    /// <summary>
    /// GETs a response body as a reader would see it: the API's JSON escapes non-ASCII characters (\u5C71), so a search
    /// for Japanese text in the raw body would always pass.
    /// </summary>
    public static async Task<string> GetText(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return Readable(body);
    }

    /// <summary>A JSON text with its escapes undone (other text as it is).</summary>
    public static string Readable(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, RelaxedJson);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
    }

    private async Task InitializeAsync()
    {
        clients[Role.Anonymous] = Factory.CreateClient();
        var admin = await Factory.SignedInAdmin();
        clients[Role.Admin] = admin;
        PartnerId = await PartnerApi.CreatedId(admin);

        clients[Role.Resident] = await Person(Role.Resident, "酒田 花子", null);
        clients[Role.Partner] = await Person(Role.Partner, "飛島 次郎", new { roles = new[] { "partner" }, partnerId = PartnerId });
        clients[Role.Facilitator] = await Person(Role.Facilitator, "市役所 三郎", new { roles = new[] { "facilitator" } });
        personIds[Role.Admin] = (await GetJson(admin, "/api/account/me")).GetProperty("id").GetString()!;
        foreach (var role in new[] { Role.Resident, Role.Partner, Role.Facilitator, Role.Admin })
        {
            using var token = await clients[role].PostAsJsonAsync("/api/account/tokens", new { name = "tests" });
            Assert.Equal(HttpStatusCode.Created, token.StatusCode);
            tokens[role] = (await AccountApi.Json(token)).GetProperty("token").GetString()!;
        }
    }

    private async Task<HttpClient> Person(Role role, string displayName, object? roles)
    {
        var (client, id) = await NewResident(displayName);
        personIds[role] = id;
        if (roles is not null)
        {
            using var granted = await Admin.PostAsJsonAsync($"/api/admin/users/{id}/roles", roles);
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        return client;
    }
}
