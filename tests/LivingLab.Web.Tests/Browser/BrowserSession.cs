using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Browser;

/// <summary>Debian's headless Chromium driven by Playwright; Playwright never downloads a browser here.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LIVINGLAB_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}. Run ./scripts/test.sh, which installs Debian's chromium.");
        }

        // Builds and tests share a small machine: a circuit that takes a few seconds to start under load is slow, not
        // broken. Set here, where every browser test starts, so no test's patience depends on which fixture ran first.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>
    /// A Blazor-enhanced form post (a fetch, or the GET its redirect leads to) that the browser lists as aborted: Blazor
    /// cancels the fetch once it has patched the page with the answer, so the answer is on the page (each test checks
    /// it) and nothing failed.
    /// </summary>
    public static bool IsSettledEnhancedPost(Microsoft.Playwright.IRequest request) =>
        request.ResourceType == "fetch" && request.Failure == "net::ERR_ABORTED"
        && (request.Method == "POST" || request.RedirectedFrom?.Method == "POST");

    /// <summary>
    /// Collects everything that went wrong on a page: failed requests, responses of 400 and above, console errors and
    /// uncaught script errors. A page that works leaves the list empty.
    /// </summary>
    public static List<string> RecordFailures(IPage page)
    {
        var failures = new List<string>();
        page.RequestFailed += (_, request) =>
        {
            if (!IsSettledEnhancedPost(request))
            {
                failures.Add($"{request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{response.Url} {response.Status}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => failures.Add($"page error: {error}");
        return failures;
    }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root, ignored by git.</summary>
    public static string ArtifactPath(string fileName)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LivingLab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LivingLab.sln not found above the test binaries.");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
