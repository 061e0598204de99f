using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Partners;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>
/// One real server (Kestrel on 127.0.0.1) and one Chromium for the challenge pages' browser tests, shared by a test class
/// so each test pays only for its own pages. People are made through the API; a page signs in with the API's cookie.
/// </summary>
public sealed class ChallengeBrowserFixture : IAsyncLifetime
{
    private readonly List<HttpClient> clients = [];

    public LivingLabFactory Factory { get; private set; } = default!;

    public Uri Address { get; private set; } = default!;

    public BrowserSession Session { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
            ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
        });
        Address = Factory.StartKestrel();
        Session = await BrowserSession.StartAsync();
    }

    /// <summary>A cookie client on the real server.</summary>
    public HttpClient Http()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        clients.Add(client);
        return client;
    }

    /// <summary>Registers a person (with roles granted by the admin) and returns their signed-in client and email.</summary>
    public async Task<(HttpClient Client, string Email)> Person(string displayName, params string[] roles)
    {
        var client = Http();
        var email = AccountApi.UniqueEmail();
        using var registered = await AccountApi.Register(client, email, displayName: displayName);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        if (roles.Length > 0)
        {
            var id = (await AccountApi.Json(registered)).GetProperty("id").GetString()!;
            var admin = Http();
            using var login = await AccountApi.Login(admin, PartnerApi.AdminEmail, PartnerApi.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            using var granted = await admin.PostAsJsonAsync($"/api/admin/users/{id}/roles", new { roles });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        return (client, email);
    }

    /// <summary>A fresh browser page (its own cookies) in <paramref name="culture"/>, signed in as <paramref name="email"/> when given.</summary>
    public async Task<IPage> Page(string culture, string? email = null, int width = 1280, bool javaScript = true)
    {
        var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            BaseURL = Address.ToString(),
        });
        if (email is not null)
        {
            var login = await context.APIRequest.PostAsync("/api/account/login", new APIRequestContextOptions { DataObject = new { email, password = AccountApi.Password } });
            Assert.Equal(200, login.Status);
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        // The language is remembered in a cookie, as when a resident picks it once.
        await page.GotoAsync($"/?culture={culture}");
        return page;
    }

    /// <summary>Posts a challenge through the API and returns its id.</summary>
    public static async Task<string> Challenge(HttpClient author, object body, string path = "/api/challenges")
    {
        using var response = await author.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Calls the API, checks it succeeded and returns the JSON body (or an empty object).</summary>
    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Like <see cref="BrowserSession.RecordFailures"/>, except for the live-update connection: its endpoint comes from
    /// another part of the site and, until it is there, its failure is expected and harmless (the page works without it).
    /// </summary>
    public static List<string> RecordFailures(IPage page)
    {
        var failures = new List<string>();
        page.RequestFailed += (_, request) =>
        {
            if (!IsLive(request.Url) && !BrowserSession.IsSettledEnhancedPost(request))
            {
                failures.Add($"{request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsLive(response.Url))
            {
                failures.Add($"{response.Url} {response.Status}");
            }
        };
        page.Console += (_, message) =>
        {
            var liveNotFound = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.Contains("/live/", StringComparison.Ordinal);
            if (message.Type == "error" && !liveNotFound)
            {
                failures.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => failures.Add($"page error: {error}");
        return failures;
    }

    private static bool IsLive(string url) => new Uri(url).AbsolutePath.StartsWith("/live/", StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Session.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
