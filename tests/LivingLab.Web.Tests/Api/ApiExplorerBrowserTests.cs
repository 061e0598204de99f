using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Api;

public sealed class ApiExplorerBrowserTests
{
    [Fact]
    public async Task Api_docs_renders_every_operation_in_a_real_browser_with_no_failed_request_and_no_console_error()
    {
        await using var factory = new LivingLabFactory();
        var address = factory.StartKestrel();
        await using var session = await BrowserSession.StartAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var failures = BrowserSession.RecordFailures(page);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(address, "/api/docs").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator(".opblock").First.WaitForAsync();

        Assert.Equal("LivingLab API", await page.TitleAsync());
        Assert.Contains("LivingLab API", await page.Locator(".info .title").InnerTextAsync());
        var paths = await page.Locator(".opblock .opblock-summary-path").AllInnerTextsAsync();
        Assert.Equal(await DocumentedOperationCountAsync(address), paths.Count);
        foreach (var path in new[]
        {
            "/api/account/register", "/api/account/login", "/api/account/logout", "/api/account/me", "/api/account/tokens",
            "/api/account/tokens/{id}", "/api/admin/users/{id}/roles", "/api/partners", "/api/partners/{id}", "/api/categories",
        })
        {
            Assert.Contains(paths, p => p.Replace("\u200b", "", StringComparison.Ordinal).Trim() == path);
        }

        Assert.Equal(1, await page.Locator(".auth-wrapper .authorize").CountAsync());
        Assert.Contains(requests, r => r.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith(address.GetLeftPart(UriPartial.Authority), r));
        Assert.Empty(failures);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath("api-docs.png"), FullPage = true });
    }

    // The explorer must show every operation of the document, however many later features add.
    private static async Task<int> DocumentedOperationCountAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        string[] methods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Sum(path => path.Value.EnumerateObject().Count(operation => methods.Contains(operation.Name)));
    }
}
