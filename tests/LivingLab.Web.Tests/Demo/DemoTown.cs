using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LivingLab.Challenges;
using LivingLab.Ideas;
using LivingLab.People;
using Orleans;
using LivingLab.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivingLab.Web.Tests.Demo;

/// <summary>Demo tests' helpers: a host with the demo on and its log captured, and a census of what a store holds.</summary>
internal static partial class DemoTown
{
    /// <summary>
    /// A first admin from settings: start-up creates it before the demo looks at the store, which must still count as
    /// empty. (Not for two nodes starting at once: the admin bootstrap itself does not survive that race.)
    /// </summary>
    public static IReadOnlyDictionary<string, string?> FirstAdmin { get; } = new Dictionary<string, string?>
    {
        ["LIVINGLAB_ADMIN_EMAIL"] = "town-admin@example.jp",
        ["LIVINGLAB_ADMIN_PASSWORD"] = "town admin password",
    };

    /// <summary>A real host with the demo town on (the factory turns it off for every other test).</summary>
    public static (LivingLabFactory Factory, WebApplicationFactory<Program> App) Start(LogCapture logs, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["LIVINGLAB_DEMO"] = "true",
            ["Demo:Enabled"] = "true",
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var factory = new LivingLabFactory(all);
        var app = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        // Resolving a service starts the host, and with it the start-up work.
        _ = app.Services;
        return (factory, app);
    }

    /// <summary>Every challenge and idea the event log names, read back through their grains as an anonymous visitor.</summary>
    public static async Task<Census> CensusAsync(IServiceProvider services)
    {
        Caller.Clear();
        var grains = services.GetRequiredService<IGrainFactory>();
        var events = await services.GetRequiredService<IStateStore>().ReadEventsAsync(0, 100_000);
        var challenges = new List<ChallengeDetails>();
        foreach (var id in events.Where(e => e.EventType == ChallengeEvents.Submitted).Select(e => e.GrainKey))
        {
            challenges.Add((await grains.GetGrain<IChallengeGrain>(id).GetAsync())!);
        }

        var ideas = new List<IdeaDetails>();
        var replies = 0;
        foreach (var id in events.Where(e => e.EventType == IdeaEvents.Created).Select(e => e.GrainKey))
        {
            var idea = grains.GetGrain<IIdeaGrain>(id);
            ideas.Add((await idea.GetAsync())!);
            replies += (await idea.GetCommentsAsync()).Value!.Count(c => c.ParentId is not null);
        }

        foreach (var challenge in challenges)
        {
            replies += (await grains.GetGrain<IChallengeGrain>(challenge.Id).GetCommentsAsync()).Value!.Count(c => c.ParentId is not null && c.MergedFrom is null);
        }

        return new Census(events, challenges, ideas, replies);
    }

    /// <summary>The demo accounts printed in the log: (role, email, password) from the block the seeder writes.</summary>
    public static IReadOnlyList<(string Role, string Email, string Password)> PrintedAccounts(LogCapture logs) =>
        [.. logs.Messages.SelectMany(m => m.Message.Split('\n'))
            .Select(line => PrintedAccount().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];

    [GeneratedRegex(@"^\s+(admin|facilitator|partner|resident)\s+(\S+@demo\.livinglab\.jp)\s+(\S+)\s*$")]
    private static partial Regex PrintedAccount();
}

/// <summary>What a store holds: its events, every challenge and idea as the public sees them, and how many replies.</summary>
internal sealed record Census(IReadOnlyList<StoredEvent> Events, IReadOnlyList<ChallengeDetails> Challenges, IReadOnlyList<IdeaDetails> Ideas, int Replies)
{
    /// <summary>How many events of each type, the fingerprint two seedings of the same town share.</summary>
    public IReadOnlyDictionary<string, int> CountsByType =>
        Events.Where(e => !e.EventType.StartsWith("DemoTown", StringComparison.Ordinal))
            .GroupBy(e => e.EventType)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>A logger provider that keeps every message, so a test can read what start-up printed.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> messages = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Messages => [.. messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.messages.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
