using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;
using LivingLab.Web.Tests.Workshops.Board;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Api;

/// <summary>One host with a person per role, shared by every row of the matrix.</summary>
public sealed class MatrixHost : IAsyncLifetime
{
    public Lab Lab { get; private set; } = null!;

    public async Task InitializeAsync() => Lab = await Lab.StartAsync();

    public async Task DisposeAsync() => await Lab.DisposeAsync();
}

/// <summary>
/// Who may call what: every /api endpoint × anonymous, resident, partner member, facilitator and admin. Each row prepares
/// what a successful call needs (an item, the caller's own comment or token), so an allowed role must get a 2xx and a
/// refused one exactly 401 or 403. The endpoints are read from the running app: a new endpoint without a row fails.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixHost host) : IClassFixture<MatrixHost>
{
    private const string Ok = "2xx";

    // Expected outcome per role, in the order anonymous, resident, partner, facilitator, admin.
    private const string Everyone = "2xx 2xx 2xx 2xx 2xx";
    private const string SignedIn = "401 2xx 2xx 2xx 2xx";
    private const string Staff = "401 403 403 2xx 2xx";
    private const string AdminOnly = "401 403 403 403 2xx";
    private const string PartnerOnly = "401 403 2xx 403 403";
    private const string StaffOrAcceptedPartner = "401 403 2xx 2xx 2xx";

    private sealed record Call(HttpMethod Method, string Path, object? Body = null);

    private sealed record Row(string Endpoint, string Expected, Func<Lab, Role, Task<Call>> Prepare);

    private static readonly Row[] Rows =
    [
        // Account and tokens: register and login act on the throwaway client only, so they are open to everyone.
        new("POST /api/account/register", Everyone, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/account/register",
            new { email = AccountApi.UniqueEmail(), password = AccountApi.Password, displayName = "新しい 住民" }))),
        new("POST /api/account/login", Everyone, async (lab, _) =>
        {
            var email = AccountApi.UniqueEmail();
            using var client = lab.Factory.CreateClient();
            using var registered = await AccountApi.Register(client, email);
            return new Call(HttpMethod.Post, "/api/account/login", new { email, password = AccountApi.Password });
        }),
        new("POST /api/account/logout", Everyone, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/account/logout"))),
        new("GET /api/account/me", SignedIn, (_, _) => Get("/api/account/me")),
        new("POST /api/account/tokens", SignedIn, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/account/tokens", new { name = "matrix" }))),
        new("GET /api/account/tokens", SignedIn, (_, _) => Get("/api/account/tokens")),
        new("DELETE /api/account/tokens/{id}", SignedIn, async (lab, role) =>
        {
            var id = "0000000000000000";
            if (role != Role.Anonymous)
            {
                using var created = await lab.Client(role).PostAsJsonAsync("/api/account/tokens", new { name = "to revoke" });
                id = (await AccountApi.Json(created)).GetProperty("id").GetString()!;
            }

            return new Call(HttpMethod.Delete, $"/api/account/tokens/{id}");
        }),
        new("POST /api/admin/users/{id}/roles", AdminOnly, async (lab, _) =>
        {
            var (client, id) = await lab.NewResident();
            client.Dispose();
            return new Call(HttpMethod.Post, $"/api/admin/users/{id}/roles", new { roles = new[] { "resident" } });
        }),

        // Partners and categories.
        new("GET /api/partners", Everyone, (_, _) => Get("/api/partners")),
        new("GET /api/partners/{id}", Everyone, (lab, _) => Get($"/api/partners/{lab.PartnerId}")),
        new("POST /api/partners", AdminOnly, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/partners", PartnerApi.Body(name: "マトリクス商事")))),
        new("PUT /api/partners/{id}", AdminOnly, async (lab, _) =>
            new Call(HttpMethod.Put, $"/api/partners/{await PartnerApi.CreatedId(lab.Admin, PartnerApi.Body(name: "更新前商事"))}", PartnerApi.Body(name: "更新後商事"))),
        new("GET /api/categories", Everyone, (_, _) => Get("/api/categories")),

        // Lists, statistics, timelines and open data: public reads.
        new("GET /api/challenges", Everyone, (_, _) => Get("/api/challenges?sort=supported&pageSize=5")),
        new("GET /api/ideas", Everyone, (_, _) => Get("/api/ideas?stage=discovery")),
        new("GET /api/stats/pipeline", Everyone, (_, _) => Get("/api/stats/pipeline")),
        new("GET /api/challenges/{id}/timeline", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/challenges/{await lab.NewChallenge()}/timeline")),
        new("GET /api/ideas/{id}/timeline", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/ideas/{await lab.NewIdea()}/timeline")),
        new("GET /api/export/challenges.csv", Everyone, (_, _) => Get("/api/export/challenges.csv")),
        new("GET /api/export/challenges.json", Everyone, (_, _) => Get("/api/export/challenges.json")),
        new("GET /api/export/ideas.csv", Everyone, (_, _) => Get("/api/export/ideas.csv")),
        new("GET /api/export/ideas.json", Everyone, (_, _) => Get("/api/export/ideas.json")),
        new("GET /api/export/workshops.csv", Everyone, (_, _) => Get("/api/export/workshops.csv")),
        new("GET /api/export/workshops.json", Everyone, (_, _) => Get("/api/export/workshops.json")),
        new("GET /api/workshops/{id}/board.csv", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{await lab.NewWorkshop()}/board.csv")),
        new("GET /api/workshops/{id}/board.json", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{await lab.NewWorkshop()}/board.json")),

        // Challenges.
        new("POST /api/challenges", SignedIn, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/challenges", Lab.ChallengeBody()))),
        new("POST /api/challenges/proxy", Staff, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/challenges/proxy",
            new { title = "バス停にベンチがほしい", body = "電話で受け付けました。", category = "transport", channel = "phone", onBehalfOf = "70代の住民" }))),
        new("GET /api/challenges/{id}", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/challenges/{await lab.NewChallenge()}")),
        new("POST /api/challenges/{id}/support", SignedIn, async (lab, _) => new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/support")),
        new("DELETE /api/challenges/{id}/support", SignedIn, async (lab, role) =>
        {
            var id = await lab.NewChallenge();
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/challenges/{id}/support", null));
            return new Call(HttpMethod.Delete, $"/api/challenges/{id}/support");
        }),
        new("POST /api/challenges/{id}/follow", SignedIn, async (lab, _) => new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/follow")),
        new("DELETE /api/challenges/{id}/follow", SignedIn, async (lab, _) => new Call(HttpMethod.Delete, $"/api/challenges/{await lab.NewChallenge()}/follow")),
        new("GET /api/challenges/{id}/comments", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/challenges/{await lab.NewChallenge()}/comments")),
        new("POST /api/challenges/{id}/comments", SignedIn, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/comments", new { body = "賛成です。" })),
        new("PATCH /api/challenges/{id}/comments/{commentId}", SignedIn, async (lab, role) =>
            new Call(HttpMethod.Patch, await OwnComment(lab, role, $"/api/challenges/{await lab.NewChallenge()}"), new { body = "書き直しました。" })),
        new("DELETE /api/challenges/{id}/comments/{commentId}", SignedIn, async (lab, role) =>
            new Call(HttpMethod.Delete, await OwnComment(lab, role, $"/api/challenges/{await lab.NewChallenge()}"))),
        new("POST /api/challenges/{id}/comments/{commentId}/hide", Staff, async (lab, _) =>
        {
            var item = $"/api/challenges/{await lab.NewChallenge()}";
            return new Call(HttpMethod.Post, $"{item}/comments/{await Lab.Comment(lab.Resident, item)}/hide", new { reason = "個人情報が含まれていたため" });
        }),
        new("POST /api/challenges/{id}/accept", Staff, async (lab, _) => new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/accept")),
        new("POST /api/challenges/{id}/merge", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/merge", new { intoId = await lab.NewChallenge() })),
        new("POST /api/challenges/{id}/decline", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/challenges/{await lab.NewChallenge()}/decline", new { reason = "県道のため、県に伝えました。" })),

        // Ideas.
        new("POST /api/ideas", SignedIn, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/ideas",
            new { title = "高齢者スマホ相談窓口", summary = "公民館で毎週開く。", category = "elderly" }))),
        new("PATCH /api/ideas/{id}", Staff, async (lab, _) =>
            new Call(HttpMethod.Patch, $"/api/ideas/{await lab.NewIdea()}", new { title = "島の配送を電動モビリティで", summary = "職員が言い換えました。", category = "transport" })),
        new("GET /api/ideas/{id}", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/ideas/{await lab.NewIdea()}")),
        new("POST /api/ideas/{id}/advance", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/advance", new { toStage = "research", rationale = "調査を始めます。", evidence = Array.Empty<string>() })),
        new("POST /api/ideas/{id}/close", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/close", new { status = "onHold", reason = "予算の確保を待ちます。" })),
        new("POST /api/ideas/{id}/votes", SignedIn, async (lab, _) => new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/votes")),
        new("DELETE /api/ideas/{id}/votes", SignedIn, async (lab, role) =>
        {
            var id = await lab.NewIdea();
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/ideas/{id}/votes", null));
            return new Call(HttpMethod.Delete, $"/api/ideas/{id}/votes");
        }),
        new("POST /api/ideas/{id}/follow", SignedIn, async (lab, _) => new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/follow")),
        new("DELETE /api/ideas/{id}/follow", SignedIn, async (lab, _) => new Call(HttpMethod.Delete, $"/api/ideas/{await lab.NewIdea()}/follow")),
        new("GET /api/ideas/{id}/comments", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/ideas/{await lab.NewIdea()}/comments")),
        new("POST /api/ideas/{id}/comments", SignedIn, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/comments", new { body = "良いと思います。" })),
        new("PATCH /api/ideas/{id}/comments/{commentId}", SignedIn, async (lab, role) =>
            new Call(HttpMethod.Patch, await OwnComment(lab, role, $"/api/ideas/{await lab.NewIdea()}"), new { body = "書き直しました。" })),
        new("DELETE /api/ideas/{id}/comments/{commentId}", SignedIn, async (lab, role) =>
            new Call(HttpMethod.Delete, await OwnComment(lab, role, $"/api/ideas/{await lab.NewIdea()}"))),
        new("POST /api/ideas/{id}/comments/{commentId}/hide", Staff, async (lab, _) =>
        {
            var item = $"/api/ideas/{await lab.NewIdea()}";
            return new Call(HttpMethod.Post, $"{item}/comments/{await Lab.Comment(lab.Resident, item)}/hide", new { reason = "話題と関係のない宣伝のため" });
        }),
        new("POST /api/ideas/{id}/kpis", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/ideas/{await lab.NewIdea()}/kpis", new { name = "利用者数", unit = "人", baseline = 0, target = 50 })),
        new("POST /api/ideas/{id}/kpis/{kpiId}/measurements", StaffOrAcceptedPartner, async (lab, _) =>
        {
            var (ideaId, kpiId) = await lab.IdeaInPilot();
            return new Call(HttpMethod.Post, $"/api/ideas/{ideaId}/kpis/{kpiId}/measurements", new { value = 12, date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), note = "前日分" });
        }),
        new("POST /api/ideas/{id}/partner-applications", PartnerOnly, async (lab, _) =>
        {
            var ideaId = await lab.NewIdea();
            await lab.Advance(ideaId, "research");
            return new Call(HttpMethod.Post, $"/api/ideas/{ideaId}/partner-applications", new { proposal = "配送を担当できます。" });
        }),
        new("POST /api/ideas/{id}/partner-applications/{applicationId}/accept", Staff, async (lab, _) =>
        {
            var ideaId = await lab.NewIdea();
            await lab.Advance(ideaId, "research");
            return new Call(HttpMethod.Post, $"/api/ideas/{ideaId}/partner-applications/{await lab.Apply(ideaId)}/accept");
        }),
        new("POST /api/ideas/{id}/partner-applications/{applicationId}/decline", Staff, async (lab, _) =>
        {
            var ideaId = await lab.NewIdea();
            await lab.Advance(ideaId, "research");
            return new Call(HttpMethod.Post, $"/api/ideas/{ideaId}/partner-applications/{await lab.Apply(ideaId)}/decline", new { reason = "今回は町の直営で進めます。" });
        }),
        new("POST /api/ideas/{id}/operator", Staff, async (lab, _) =>
        {
            var ideaId = await lab.NewIdea();
            await lab.Advance(ideaId, "research");
            return new Call(HttpMethod.Post, $"/api/ideas/{ideaId}/operator", new { @operator = "town" });
        }),

        // Workshops: anyone reads, signed-in people register and answer the poll, staff create and run them.
        new("GET /api/workshops", Everyone, (_, _) => Get("/api/workshops?when=upcoming")),
        new("POST /api/workshops", Staff, (_, _) => Task.FromResult(new Call(HttpMethod.Post, "/api/workshops",
            new { title = "勝浦の交通を考える会", stage = "research", place = "勝浦公民館", capacity = 30 }))),
        new("GET /api/workshops/{id}", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{await lab.NewWorkshop()}")),
        new("POST /api/workshops/{id}/registration", SignedIn, async (lab, _) => new Call(HttpMethod.Post, $"/api/workshops/{await lab.NewWorkshop()}/registration")),
        new("DELETE /api/workshops/{id}/registration", SignedIn, async (lab, role) =>
        {
            var id = await lab.NewWorkshop();
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/workshops/{id}/registration", null));
            return new Call(HttpMethod.Delete, $"/api/workshops/{id}/registration");
        }),
        new("GET /api/workshops/{id}/registrations", Staff, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{await lab.NewWorkshop()}/registrations")),
        new("POST /api/workshops/{id}/registrations", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/workshops/{await lab.NewWorkshop()}/registrations", new { name = "佐藤 ハナ", contact = "0234-95-0000" })),
        new("GET /api/workshops/{id}/poll", Everyone, async (lab, _) =>
        {
            var id = await lab.NewWorkshop(openDate: true);
            await lab.OpenPoll(id);
            return new Call(HttpMethod.Get, $"/api/workshops/{id}/poll");
        }),
        new("POST /api/workshops/{id}/poll", Staff, async (lab, _) =>
        {
            var day = DateTimeOffset.UtcNow.AddDays(20);
            return new Call(HttpMethod.Post, $"/api/workshops/{await lab.NewWorkshop(openDate: true)}/poll",
                new { slots = new[] { new { startsAt = day, endsAt = day.AddHours(2) }, new { startsAt = day.AddDays(2), endsAt = day.AddDays(2).AddHours(2) } } });
        }),
        new("POST /api/workshops/{id}/poll/answers", SignedIn, async (lab, _) =>
        {
            var id = await lab.NewWorkshop(openDate: true);
            var slots = await lab.OpenPoll(id);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/poll/answers", new { marks = new Dictionary<string, string> { [slots[0]] = "yes", [slots[1]] = "maybe" } });
        }),
        new("POST /api/workshops/{id}/schedule", Staff, async (lab, _) =>
        {
            var id = await lab.NewWorkshop(openDate: true);
            var slots = await lab.OpenPoll(id);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/schedule", new { slotId = slots[1] });
        }),
        new("PUT /api/workshops/{id}/record", Staff, async (lab, _) =>
            new Call(HttpMethod.Put, $"/api/workshops/{await lab.NewWorkshop()}/record", new { minutes = "# 議事録", recordingUrl = "https://video.example.jp/1" })),
        new("POST /api/workshops/{id}/feedback", SignedIn, async (lab, role) =>
        {
            var id = await lab.NewWorkshop(startsAt: DateTimeOffset.UtcNow.AddHours(-1));
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/workshops/{id}/registration", null));
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/feedback", new { rating = 4, comment = "話しやすかった" });
        }),
        new("GET /api/workshops/{id}/feedback", SignedIn, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{await lab.NewWorkshop()}/feedback")),
        // The live board: the grain refuses those not taking part (401 nobody, 403 not a participant); each row joins the role.
        new("GET /api/workshops/{id}/board", Everyone, async (lab, _) => new Call(HttpMethod.Get, $"/api/workshops/{(await BoardApi.OpenBoard(lab)).Id}/board")),
        new("POST /api/workshops/{id}/session", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/workshops/{await lab.NewWorkshop()}/session", new { columns = new[] { "困りごと" } })),
        new("POST /api/workshops/{id}/session/close", Staff, async (lab, _) => new Call(HttpMethod.Post, $"/api/workshops/{(await BoardApi.OpenBoard(lab)).Id}/session/close")),
        new("POST /api/workshops/{id}/join", SignedIn, async (lab, role) =>
        {
            var (id, _) = await BoardApi.OpenBoard(lab);
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/workshops/{id}/registration", null));
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/join");
        }),
        new("POST /api/workshops/{id}/notes", SignedIn, async (lab, role) =>
        {
            var (id, column) = await Joined(lab, role);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes", new { columnId = column, text = "港の売店が早く閉まる" });
        }),
        new("POST /api/workshops/{id}/notes/{noteId}/move", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes/{await BoardApi.Note(lab.Facilitator, id, column)}/move", new { columnId = column });
        }),
        new("POST /api/workshops/{id}/notes/{noteId}/cluster", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes/{await BoardApi.Note(lab.Facilitator, id, column)}/cluster", new { clusterId = (string?)null });
        }),
        new("POST /api/workshops/{id}/notes/{noteId}/hide", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes/{await BoardApi.Note(lab.Facilitator, id, column)}/hide", new { reason = "個人名が書かれている" });
        }),
        new("POST /api/workshops/{id}/clusters", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/clusters", new { columnId = column, title = "交通" });
        }),
        new("POST /api/workshops/{id}/rounds", Staff, async (lab, _) =>
            new Call(HttpMethod.Post, $"/api/workshops/{(await BoardApi.OpenBoard(lab)).Id}/rounds", new { dotsPerPerson = 3, totalsLive = false })),
        new("POST /api/workshops/{id}/rounds/current/close", Staff, async (lab, _) =>
        {
            var (id, _) = await BoardApi.OpenBoard(lab);
            await BoardApi.Round(lab, id);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/rounds/current/close");
        }),
        new("POST /api/workshops/{id}/notes/{noteId}/dots", SignedIn, async (lab, role) =>
        {
            var (id, column) = await Joined(lab, role);
            var note = await BoardApi.Note(lab.Facilitator, id, column);
            await BoardApi.Round(lab, id);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes/{note}/dots");
        }),
        new("DELETE /api/workshops/{id}/notes/{noteId}/dots", SignedIn, async (lab, role) =>
        {
            var (id, column) = await Joined(lab, role);
            var note = await BoardApi.Note(lab.Facilitator, id, column);
            await BoardApi.Round(lab, id);
            await Expect2xx(role, () => lab.Client(role).PostAsync($"/api/workshops/{id}/notes/{note}/dots", null));
            return new Call(HttpMethod.Delete, $"/api/workshops/{id}/notes/{note}/dots");
        }),
        new("POST /api/workshops/{id}/notes/{noteId}/promote", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/notes/{await BoardApi.Note(lab.Facilitator, id, column)}/promote",
                new { target = "newIdea", title = "移動販売車を島に", summary = "週2回回る。", category = "elderly" });
        }),
        new("POST /api/workshops/{id}/clusters/{clusterId}/promote", Staff, async (lab, _) =>
        {
            var (id, column) = await BoardApi.OpenBoard(lab);
            using var created = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/clusters", new { columnId = column, title = "買い物の足" });
            var cluster = (await AccountApi.Json(created)).GetProperty("id").GetString();
            return new Call(HttpMethod.Post, $"/api/workshops/{id}/clusters/{cluster}/promote",
                new { target = "newIdea", title = "買い物支援", summary = "足がない人の買い物。", category = "elderly" });
        }),
    ];

    public static TheoryData<string, Role> Cases()
    {
        var data = new TheoryData<string, Role>();
        foreach (var row in Rows)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(row.Endpoint, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_each_role_as_designed(string endpoint, Role role)
    {
        var row = Rows.Single(r => r.Endpoint == endpoint);
        var expected = row.Expected.Split(' ')[(int)role];
        var call = await row.Prepare(host.Lab, role);
        using var client = host.Lab.NewClient(role);
        using var request = new HttpRequestMessage(call.Method, call.Path) { Content = call.Body is null ? null : JsonContent.Create(call.Body) };

        using var response = await client.SendAsync(request);

        var answer = $"{endpoint} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        if (expected == Ok)
        {
            Assert.True(response.IsSuccessStatusCode, answer);
        }
        else
        {
            Assert.True(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) == expected, answer);
            await AccountApi.Problem(response, (HttpStatusCode)int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
                expected == "401" ? "unauthenticated" : "forbidden");
        }
    }

    [Fact]
    public void Every_api_endpoint_of_the_app_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = host.Lab.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(mapped, Rows.Select(r => r.Endpoint).Order(StringComparer.Ordinal));
    }

    private static Task<Call> Get(string path) => Task.FromResult(new Call(HttpMethod.Get, path));

    // An open board the role takes part in (staff need not join; anonymous cannot).
    private static async Task<(string Id, string Column)> Joined(Lab lab, Role role)
    {
        var board = await BoardApi.OpenBoard(lab);
        if (role is Role.Resident or Role.Partner)
        {
            await BoardApi.Join(lab.Client(role), board.Id);
        }

        return board;
    }

    // A timeline answers 404 until the item's first event is projected.
    // The caller's own comment, so that editing and deleting can succeed; anonymous gets someone else's (refused before any grain).
    private static async Task<string> OwnComment(Lab lab, Role role, string item) =>
        $"{item}/comments/{await Lab.Comment(role == Role.Anonymous ? lab.Resident : lab.Client(role), item)}";

    private static async Task Expect2xx(Role role, Func<Task<HttpResponseMessage>> send)
    {
        if (role == Role.Anonymous)
        {
            return;
        }

        using var response = await send();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
