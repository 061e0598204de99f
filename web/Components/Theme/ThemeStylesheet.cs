using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace LivingLab.Web.Components.Theme;

/// <summary>
/// The civic theme's CSS variables as one immutable stylesheet. MudThemeProvider would write the same 12.5 KB
/// <c>&lt;style&gt;</c> into every page and compute it again on each render (a tenth of a signed-in page's CPU);
/// rendered once here, the browser caches it like any other fingerprinted file.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceProvider services)
{
    /// <summary>The address pages link to, without its version.</summary>
    public const string Path = "/theme.css";

    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Css, string Version)? built;

    /// <summary>The stylesheet's text and a version that changes whenever the text does (for the page's link).</summary>
    public async Task<(string Css, string Version)> GetAsync()
    {
        if (built is { } ready)
        {
            return ready;
        }

        await gate.WaitAsync();
        try
        {
            built ??= await BuildAsync();
            return built.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(string Css, string Version)> BuildAsync()
    {
        // The provider's own render is the source, so a MudBlazor upgrade changes the variables without code here.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = CivicTheme.Theme });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });

        var css = new StringBuilder();
        foreach (Match style in StyleElement().Matches(html))
        {
            css.Append(System.Net.WebUtility.HtmlDecode(style.Groups[1].Value).Trim()).Append('\n');
        }

        if (css.Length == 0)
        {
            throw new InvalidOperationException("MudThemeProvider rendered no style: the theme stylesheet would be empty.");
        }

        var text = css.ToString();
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return (text, version);
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
