using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Partners;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// A real server on 127.0.0.1 (Kestrel) with the first admin, a partner company, and a signed-in facilitator, partner
/// member and resident, each with a cookie client for setting up data through the API, plus Chromium to drive the pages.
/// </summary>
internal sealed class StaffSite : IAsyncDisposable
{
    public const string FacilitatorEmail = "facilitator@town.example.jp";
    public const string PartnerEmail = "partner@mobility.example.jp";
    public const string ResidentEmail = "resident@town.example.jp";

    private readonly List<HttpClient> clients = [];

    private BrowserSession? browser;

    private StaffSite(LivingLabFactory factory, Uri address)
    {
        Factory = factory;
        Address = address;
    }

    public LivingLabFactory Factory { get; }

    public Uri Address { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Facilitator { get; private set; } = null!;

    public HttpClient Partner { get; private set; } = null!;

    public HttpClient Resident { get; private set; } = null!;

    public string PartnerId { get; private set; } = "";

    public string FacilitatorId { get; private set; } = "";

    /// <summary>The person who is the partner company's member (the one <see cref="Partner"/> is signed in as).</summary>
    public string PartnerMemberId { get; private set; } = "";

    public string ResidentId { get; private set; } = "";

    public static async Task<StaffSite> StartAsync()
    {
        var factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
            ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
        });
        var address = factory.StartKestrel();
        var site = new StaffSite(factory, address);
        await site.InitializeAsync();
        return site;
    }

    /// <summary>A client of the real server that keeps its own cookies and does not follow redirects.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        clients.Add(client);
        return client;
    }

    /// <summary>A signed-in client for a new account with <paramref name="displayName"/>; returns it and the person's id.</summary>
    public async Task<(HttpClient Client, string Id)> NewPerson(string email, string displayName)
    {
        var client = NewClient();
        using var response = await AccountApi.Register(client, email, displayName: displayName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await AccountApi.Json(response)).GetProperty("id").GetString()!);
    }

    /// <summary>A browser page signed in as <paramref name="email"/> (cookie from the login API), in <paramref name="culture"/>.</summary>
    public async Task<IPage> PageAsync(string email, string password = AccountApi.Password, string culture = "ja", int width = 1280, bool javaScript = true)
    {
        browser ??= await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        await using (var login = await context.APIRequest.PostAsync("/api/account/login", new APIRequestContextOptions { DataObject = new { email, password } }))
        {
            Assert.True(login.Ok, $"login {email}: {login.Status}");
        }

        var page = await context.NewPageAsync();
        // The culture is remembered in a cookie from the first page on.
        await page.GotoAsync($"/?culture={culture}");
        return page;
    }

    public Task<IPage> AdminPageAsync(string culture = "ja", int width = 1280, bool javaScript = true) =>
        PageAsync(PartnerApi.AdminEmail, PartnerApi.AdminPassword, culture, width, javaScript);

    public Task<IPage> FacilitatorPageAsync(string culture = "ja", int width = 1280, bool javaScript = true) =>
        PageAsync(FacilitatorEmail, AccountApi.Password, culture, width, javaScript);

    /// <summary>Posts a challenge as <paramref name="author"/> (the resident by default); returns its id.</summary>
    public async Task<string> NewChallenge(string title, string body = "朝の通勤時間に自転車を停める場所がありません。", string category = "transport", HttpClient? author = null)
    {
        using var response = await (author ?? Resident).PostAsJsonAsync("/api/challenges", new { title, body, category, place = new { text = "酒田駅前" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Proposes an idea as the resident; it starts in discovery.</summary>
    public async Task<string> NewIdea(string title, string summary = "島の商店への注文をLINEで受け、電動モビリティで配達する。", string category = "digital")
    {
        using var response = await Resident.PostAsJsonAsync("/api/ideas", new { title, summary, category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Moves an idea through the API as the facilitator.</summary>
    public async Task Advance(string ideaId, string toStage)
    {
        using var response = await Facilitator.PostAsJsonAsync($"/api/ideas/{ideaId}/advance",
            new { toStage, rationale = $"{toStage}に進める判断をしました。", evidence = new[] { "https://town.example.jp/minutes/1" } });
        Assert.True(response.IsSuccessStatusCode, $"advance to {toStage}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The partner company applies to the idea; returns the application id.</summary>
    public async Task<string> Apply(string ideaId, string proposal = "電動モビリティで島内配送を**3か月**実証します。\n\n- 週3便\n- 注文はLINEで")
    {
        using var applied = await Partner.PostAsJsonAsync($"/api/ideas/{ideaId}/partner-applications", new { proposal });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (await AccountApi.Json(applied)).GetProperty("id").GetString()!;
    }

    /// <summary>Supports a challenge as a new resident.</summary>
    public async Task Support(string challengeId, string email)
    {
        var (client, _) = await NewPerson(email, "応援する 住民");
        using var response = await client.PostAsync($"/api/challenges/{challengeId}/support", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>GETs JSON through the API (the facilitator by default).</summary>
    public async Task<JsonElement> Json(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Facilitator).GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await AccountApi.Json(response);
    }

    /// <summary>Runs axe in the page and fails with the violations, if any is serious or critical.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await HomePageBrowserTests.SeriousAxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}: {string.Join("; ", violations)}");
        var english = await MudEnglishOnPage.FindAsync(page);
        Assert.True(english.Count == 0, $"{page.Url}: MudBlazor's English on a Japanese page: {string.Join(", ", english)}");
    }

    /// <summary>Saves a full-page screenshot to artifacts/screenshots.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        await Factory.DisposeAsync();
    }

    private async Task InitializeAsync()
    {
        Admin = NewClient();
        using (var login = await AccountApi.Login(Admin, PartnerApi.AdminEmail, PartnerApi.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        PartnerId = await PartnerApi.CreatedId(Admin);
        (Facilitator, FacilitatorId) = await NewPerson(FacilitatorEmail, "市役所 三郎");
        await Grant(FacilitatorId, new { roles = new[] { "facilitator" } });
        (Partner, PartnerMemberId) = await NewPerson(PartnerEmail, "飛島 次郎");
        await Grant(PartnerMemberId, new { roles = new[] { "partner" }, partnerId = PartnerId });
        (Resident, ResidentId) = await NewPerson(ResidentEmail, "酒田 花子");
    }

    private async Task Grant(string personId, object roles)
    {
        using var granted = await Admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", roles);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }
}
