using System.Text.Json;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Browser;

public sealed class HomePageBrowserTests
{
    [Theory]
    [InlineData("ja", "みなと町")]
    [InlineData("en", "Minato Town")]
    public async Task Home_page_loads_in_a_real_browser_with_no_failed_request_and_no_serious_axe_violation(string culture, string townName)
    {
        await using var factory = new LivingLabFactory();
        var address = factory.StartKestrel();
        await using var session = await BrowserSession.StartAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var failures = BrowserSession.RecordFailures(page);

        await page.GotoAsync(new Uri(address, $"/?culture={culture}").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(townName, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        Assert.Empty(failures);
        Assert.Empty(await SeriousAxeViolationsAsync(page));
        Assert.Empty(await MudEnglishOnPage.FindAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"home-{culture}.png"), FullPage = true });
    }

    [Fact]
    public async Task Home_page_works_by_keyboard_with_a_skip_link_first()
    {
        await using var factory = new LivingLabFactory();
        var address = factory.StartKestrel();
        await using var session = await BrowserSession.StartAsync();
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(address.ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    /// <summary>Runs axe-core (from npm, web/node_modules) in the page and returns serious or critical violations.</summary>
    internal static async Task<IReadOnlyList<string>> SeriousAxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions
        {
            Path = Path.Combine(BrowserSession.RepositoryRoot(), "web", "node_modules", "axe-core", "axe.min.js"),
        });
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify((await axe.run()).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}, {v.GetProperty("nodes").GetInt32()} nodes)")
            .ToList();
    }
}
