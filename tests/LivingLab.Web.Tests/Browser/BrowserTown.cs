using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Browser;

/// <summary>
/// A town built once for a class of browser tests: <see cref="BuildAsync"/> writes its story through a test host, which
/// then restarts on the same store behind a real Kestrel server, with the read models caught up and one headless Chromium.
/// </summary>
public abstract class BrowserTown : IAsyncLifetime
{
    public Uri Address { get; private set; } = default!;

    public LivingLabFactory Host { get; private set; } = default!;

    public BrowserSession Session { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var lab = await Lab.StartAsync();
        try
        {
            await BuildAsync(lab);
            Host = await lab.RestartAsync();
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }

        Address = Host.StartKestrel();
        await Host.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        Session = await BrowserSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A new browser context (its own cookies) and page, addressed relative to the town.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            BaseURL = Address.ToString(),
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page and lands on <paramref name="returnUrl"/>.</summary>
    public static async Task SignInAsync(IPage page, string email, string returnUrl, string culture = "ja")
    {
        await page.GotoAsync($"/login?culture={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", AccountApi.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?', '#')[0]);
    }

    /// <summary>Writes the town's story through <paramref name="lab"/> (its API clients, its clock).</summary>
    protected abstract Task BuildAsync(Lab lab);
}
