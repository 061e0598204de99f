using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using LivingLab.Pipeline;
using LivingLab.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Live;

/// <summary>
/// The HTML fragments live updates carry, in either language: the same markup the pages render, so a swapped-in
/// fragment is indistinguishable from a reloaded page. Everything here is small and cached per language.
/// </summary>
public sealed class LiveFragments(IServiceScopeFactory scopes, ILoggerFactory loggers, IStringLocalizer<LiveText> text)
{
    /// <summary>The languages live connections are served in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["ja", "en"];

    private readonly ConcurrentDictionary<(Stage, string), string> stageBadges = new();

    /// <summary>The language a request is served in ("ja" unless it asked for English).</summary>
    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "ja";

    /// <summary>An item's count as the pages print it.</summary>
    public static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A challenge's or an idea's status in words (kind "challenge" or "idea", status as its wire name).</summary>
    public string Status(string kind, string status, string language) => InLanguage(language, () =>
        $"<span class=\"live-status\" data-status=\"{Encode(status)}\">{Encode(text[$"Status.{kind}.{status}"])}</span>");

    /// <summary>The idea page's stage badge, as <see cref="StageBadge"/> renders it with the test id "stage" (after <see cref="WarmUpAsync"/>).</summary>
    public string StageBadge(Stage stage, string language) =>
        stageBadges.TryGetValue((stage, language), out var html)
            ? html
            : throw new InvalidOperationException("Stage badges are rendered by WarmUpAsync when the live hub starts.");

    /// <summary>Renders every stage badge in every language once, so fan-out never waits on a renderer.</summary>
    public async Task WarmUpAsync()
    {
        // The renderer needs scoped services (Development validates scopes and refuses them from the root provider).
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        foreach (var language in Languages)
        {
            foreach (var stage in Enum.GetValues<Stage>())
            {
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                {
                    var previous = CultureInfo.CurrentUICulture;
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                    try
                    {
                        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                        {
                            [nameof(Components.Shared.StageBadge.Stage)] = stage,
                            [nameof(Components.Shared.StageBadge.TestId)] = "stage",
                        });
                        return (await renderer.RenderComponentAsync<StageBadge>(parameters)).ToHtmlString();
                    }
                    finally
                    {
                        CultureInfo.CurrentUICulture = previous;
                    }
                });
                stageBadges[(stage, language)] = html.Trim();
            }
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string InLanguage(string language, Func<string> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
