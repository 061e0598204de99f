using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Pages.Challenges;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LivingLab.Web.Tests.Account;

/// <summary>
/// Every node accepts every session: what one web node signs or protects (sign-in cookies, antiforgery tokens) and the
/// personal access tokens it issues work on every other node over the same store, because the Data Protection key ring
/// lives in the store. (Two nodes in one test process would also share ~/.aspnet/DataProtection-Keys, Data
/// Protection's default; the last test shows that the key ring the nodes use is the one in the store.)
/// </summary>
public sealed class SharedSessionTests(TwoPostgresWebNodes nodes) : IClassFixture<TwoPostgresWebNodes>
{
    [Fact]
    public async Task A_sign_in_cookie_made_by_one_node_is_accepted_by_the_other()
    {
        var email = AccountApi.UniqueEmail();
        string id;
        using (var registering = nodes.A.CreateClient())
        {
            id = await AccountApi.RegisteredId(registering, email);
        }

        var browser = new CookieContainer();
        using var onA = PostgresWebNodes.Client(nodes.A, browser);
        using var onB = PostgresWebNodes.Client(nodes.B, browser);
        using var login = await AccountApi.Login(onA, email);
        using var me = await onB.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(id, (await AccountApi.Json(me)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_form_rendered_by_one_node_is_accepted_with_its_antiforgery_token_by_the_other()
    {
        var browser = new CookieContainer();
        using var onA = PostgresWebNodes.Client(nodes.A, browser);
        using var onB = PostgresWebNodes.Client(nodes.B, browser);
        using (var registered = await AccountApi.Register(onA, AccountApi.UniqueEmail()))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var (page, form) = await PageForms.Get(onA, "/challenges/new");
        using (page)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var fields = new Dictionary<string, string?>
        {
            ["Input.Title"] = "北口の歩道が狭い",
            ["Input.Body"] = "朝の通学時間に歩道があふれています。",
            ["Input.Category"] = "safety",
            ["Input.PlaceText"] = "北口",
        };
        using var tampered = await PageForms.Submit(onB, form, "/challenges/new", "new-challenge",
            new Dictionary<string, string?>(fields) { ["__RequestVerificationToken"] = "not-the-token-node-a-rendered" });
        using var posted = await PageForms.Submit(onB, form, "/challenges/new", "new-challenge", fields);

        // The token is what node B checks: the same post with another token is refused.
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        var location = ChallengePagesHost.Redirected(posted);
        Assert.Matches("^/challenges/[0-9a-f]{16}$", location);
        Assert.Contains("北口の歩道が狭い", await onA.GetStringAsync(location));
    }

    [Fact]
    public async Task A_personal_access_token_made_on_one_node_works_on_the_other()
    {
        var browser = new CookieContainer();
        using var onA = PostgresWebNodes.Client(nodes.A, browser);
        var id = await AccountApi.RegisteredId(onA);
        using var created = await onA.PostAsJsonAsync("/api/account/tokens", new { name = "会計システム" });
        var token = (await AccountApi.Json(created)).GetProperty("token").GetString()!;

        using var bearerOnB = nodes.B.CreateDefaultClient();
        bearerOnB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var me = await bearerOnB.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(id, (await AccountApi.Json(me)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_fresh_node_makes_one_key_in_the_store_as_it_starts_and_a_second_node_uses_that_key_instead_of_making_its_own()
    {
        var fresh = new PostgresWebNodes();
        await fresh.InitializeAsync();
        try
        {
            var a = fresh.StartNode();
            var afterFirstStart = await StoredKeyNamesAsync(fresh.ConnectionString);
            var b = fresh.StartNode();
            using (var loginPage = await b.CreateDefaultClient().GetAsync("/login"))
            {
                // The page carries an antiforgery token, so node B has protected something with its key ring.
                Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
            }

            var afterSecondStart = await StoredKeyNamesAsync(fresh.ConnectionString);
            var keyOfA = Assert.Single(a.Services.GetRequiredService<IKeyManager>().GetAllKeys());
            var keyOfB = Assert.Single(b.Services.GetRequiredService<IKeyManager>().GetAllKeys());
            var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shared-session-test").Protect("酒田");

            Assert.Equal([$"key-{keyOfA.KeyId:D}"], afterFirstStart);
            Assert.Equal(afterFirstStart, afterSecondStart);
            Assert.Equal(keyOfA.KeyId, keyOfB.KeyId);
            Assert.Equal("酒田", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shared-session-test").Unprotect(protectedByA));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static async Task<List<string>> StoredKeyNamesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT friendly_name FROM data_protection_keys ORDER BY friendly_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
