using System.Globalization;
using System.Text.RegularExpressions;
using LivingLab.Web.Components.Layout;
using LivingLab.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// The connection status of an interactive page (an idea page with the vote island) when the browser loses the network:
/// the project's own message in the page's language, announced politely, axe-clean, and gone again once the circuit is
/// back, with the text being typed still in its field.
/// </summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class ReconnectBrowserTests(IdeaPagesTown town)
{
    private const string Field = "#comment-new-input";

    // Once blazor.web.js has used up its quick attempts it waits 5 s between tries: enough room for the one after "online".
    private static readonly LocatorAssertionsToHaveTextOptions Reconnected = new() { Timeout = 30_000 };

    [Theory]
    [InlineData("ja", "つなぎ直しています")]
    [InlineData("en", "Reconnecting")]
    public async Task A_dropped_connection_shows_the_reconnect_message_in_the_pages_language_and_keeps_the_typed_text(string culture, string words)
    {
        var path = $"/ideas/{town.PilotIdea}";
        var page = await town.NewPageAsync();
        var sockets = await PassCircuitSocketsThroughAsync(page);
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path, culture);
        await WaitForCircuitAsync(page);
        var text = $"offline draft {culture} {Guid.NewGuid():N}";
        await page.Locator(Field).FillAsync(text);
        var message = page.GetByTestId("reconnect-message");
        await Assertions.Expect(message).ToHaveTextAsync("");

        await GoOfflineAsync(page, sockets);

        await Assertions.Expect(message).ToContainTextAsync(words);
        Assert.Equal("status", await message.GetAttributeAsync("role"));
        await Assertions.Expect(page.Locator("#components-reconnect-modal button:visible")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"reconnect-{culture}.png") });
        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"reconnect-{culture}-360.png") });
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));

        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(message).ToHaveTextAsync("", Reconnected);
        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync(text);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync(text);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Each_state_of_the_connection_shows_one_message_and_the_one_button_that_helps(string culture)
    {
        var texts = Texts(culture);
        var path = $"/ideas/{town.PilotIdea}";
        var page = await town.NewPageAsync();
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path, culture);
        await WaitForCircuitAsync(page);
        var message = page.GetByTestId("reconnect-message");
        var buttons = page.Locator("#components-reconnect-modal button:visible");

        foreach (var (state, text, action) in new[]
        {
            ("show", texts["Reconnecting"], null), ("retrying", texts["Reconnecting"], null), ("failed", texts["Failed"], "retry"),
            ("resume-failed", texts["Failed"], "retry"), ("paused", texts["Paused"], "resume"), ("rejected", texts["Rejected"], "reload"),
        })
        {
            await ReportAsync(page, state);
            await Assertions.Expect(message).ToHaveTextAsync(text);
            await Assertions.Expect(buttons).ToHaveCountAsync(action is null ? 0 : 1);
            if (action is not null)
            {
                Assert.Equal(action, await buttons.GetAttributeAsync("data-reconnect-action"));
            }
        }

        Assert.Equal(texts["Reload"], await buttons.TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"reconnect-rejected-{culture}.png") });
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"reconnect-rejected-{culture}-360.png") });
        await ReportAsync(page, "hide");
        await Assertions.Expect(message).ToHaveTextAsync("");
        await Assertions.Expect(buttons).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task After_the_server_lost_the_circuit_the_reload_button_comes_first_by_keyboard_and_the_reload_keeps_the_text()
    {
        var path = $"/ideas/{town.PilotIdea}";
        var page = await town.NewPageAsync();
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        await WaitForCircuitAsync(page);
        var text = $"再起動のあとも残る下書き {Guid.NewGuid():N}";
        await page.Locator(Field).FillAsync(text);
        await page.EvaluateAsync("window.beforeReload = true");

        await ReportAsync(page, "rejected");
        // Before the skip link: the first stop of the page's keyboard order.
        await page.Locator(".skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("reload", await page.EvaluateAsync<string?>("document.activeElement.dataset.reconnectAction ?? null"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => window.beforeReload === undefined");
        await Assertions.Expect(page.Locator(Field)).ToHaveValueAsync(text);
        await Assertions.Expect(page.GetByTestId("reconnect-message")).ToHaveTextAsync("");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_reconnect_message_fits_at_200_percent_zoom_in_large_text_mode()
    {
        var path = $"/ideas/{town.PilotIdea}";
        var context = await town.Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 640, Height = 900 },
            DeviceScaleFactor = 2,
            BaseURL = town.Address.ToString(),
        });
        var page = await context.NewPageAsync();
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        await page.GotoAsync($"{path}?text=large");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.classList.contains('text-large')"));

        await ReportAsync(page, "rejected");

        var status = await page.GetByTestId("reconnect-status").BoundingBoxAsync();
        Assert.NotNull(status);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 640"), "the page overflows at 200% zoom");
        Assert.True(status.Width <= 640 && status.Height < 900 / 2, $"the message takes {status.Width}x{status.Height} of 640x900");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath("reconnect-rejected-ja-zoom200-large.png") });
        await context.CloseAsync();
    }

    // The event blazor.web.js sends the element on each change of the connection (its documented contract), for the
    // states a test cannot reach in seconds: given up after its 30 attempts, paused, or a server that lost the circuit.
    private static Task ReportAsync(IPage page, string state) =>
        page.EvaluateAsync(
            "state => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state } }))",
            state);

    private Dictionary<string, string> Texts(string culture)
    {
        var localizer = town.Host.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(ReconnectText));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return new[] { "Reconnecting", "Failed", "Paused", "Rejected", "Reload" }.ToDictionary(k => k, k => localizer[k].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // Chromium's offline mode stops new requests but leaves an open WebSocket alone, where a lost network ends it: the
    // circuit's sockets go through Playwright, which closes them on both ends, as the network would, when going offline.
    private static async Task<List<(IWebSocketRoute Page, IWebSocketRoute Server)>> PassCircuitSocketsThroughAsync(IPage page)
    {
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            var server = socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add((socket, server));
            }
        });
        return sockets;
    }

    private static async Task GoOfflineAsync(IPage page, List<(IWebSocketRoute Page, IWebSocketRoute Server)> sockets)
    {
        await page.Context.SetOfflineAsync(true);
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (sockets)
        {
            open = [.. sockets];
            sockets.Clear();
        }

        foreach (var (toPage, toServer) in open)
        {
            await toServer.CloseAsync();
            await toPage.CloseAsync();
        }
    }

    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("vote-island")).ToHaveAttributeAsync("data-interactive", "true");
}
