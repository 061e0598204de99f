using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>
/// A host for the challenge pages' form tests: the first admin from settings, people made through the API, and cookie
/// clients that do not follow redirects, so a test sees the post/redirect/get itself.
/// </summary>
internal sealed class ChallengePagesHost : IAsyncDisposable
{
    private readonly List<HttpClient> clients = [];

    public ChallengePagesHost(ShiftedClock? clock = null)
    {
        Clock = clock ?? new ShiftedClock();
        Factory = new LivingLabFactory(
            new Dictionary<string, string?>
            {
                ["RateLimits:Enabled"] = "false",
                ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
                ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
            },
            Clock);
    }

    public LivingLabFactory Factory { get; }

    public ShiftedClock Clock { get; }

    /// <summary>A client with no one signed in.</summary>
    public HttpClient Anonymous() => Track(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>The first admin, signed in.</summary>
    public async Task<HttpClient> Admin()
    {
        var client = Anonymous();
        using var login = await AccountApi.Login(client, PartnerApi.AdminEmail, PartnerApi.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    /// <summary>A newly registered, signed-in person with the given roles (none: a resident).</summary>
    public async Task<(HttpClient Client, string Id)> Person(string displayName = "酒田 花子", params string[] roles)
    {
        var client = Anonymous();
        using var response = await AccountApi.Register(client, AccountApi.UniqueEmail(), displayName: displayName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await AccountApi.Json(response)).GetProperty("id").GetString()!;
        if (roles.Length > 0)
        {
            using var admin = await Admin();
            using var granted = await admin.PostAsJsonAsync($"/api/admin/users/{id}/roles", new { roles });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        return (client, id);
    }

    /// <summary>Posts a challenge through the API and returns its id.</summary>
    public static async Task<string> Challenge(HttpClient author, string title = "駅前の駐輪場が足りない", string body = "朝の通勤時間に自転車を停める場所がありません。", string category = "transport")
    {
        using var response = await author.PostAsJsonAsync("/api/challenges", new { title, body, category, place = new { text = "酒田駅前" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Calls the API and checks it succeeded.</summary>
    public static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The location a redirect points to, as a path and query.</summary>
    public static string Redirected(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString;
    }

    private HttpClient Track(HttpClient client)
    {
        clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
    }
}
