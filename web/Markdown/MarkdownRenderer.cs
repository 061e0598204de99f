using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace LivingLab.Web.Markdown;

/// <summary>
/// Turns residents' Markdown (challenge bodies, comments, proposals) into HTML that is safe to embed as is.
/// <list type="bullet">
/// <item>Raw HTML is off: tags and comments in the source come out as visible text.</item>
/// <item>Extensions are only the inert ones: strikethrough and other emphasis extras, extra list types, pipe tables,
/// bare-URL autolinks. Nothing that writes ids or arbitrary attributes (generic attributes, auto-identifiers).</item>
/// <item>After parsing, every link URL is checked as a browser would read it: only http, https and mailto survive.
/// A refused link becomes its text; a refused autolink becomes the literal text the author typed.</item>
/// <item>Images are rendered as links to the image, never as &lt;img&gt;: a picture in a post would make every reader's
/// browser fetch from a server the author picked, which reveals who reads what (privacy) and lets a post change after
/// moderation. Readers who want the image follow the link.</item>
/// <item>Links carry rel="nofollow ugc noopener": user content earns no search ranking and cannot script its opener.</item>
/// <item>A line break in the source is a line break on the page: residents write comments like e-mail, not like Markdown.</item>
/// <item>Text nested too deeply for Markdig (thousands of "&gt;" or "[") is shown as escaped plain text, never an error.</item>
/// </list>
/// Rendering is a pure function of the source, so results are cached, keyed by the source's SHA-256, in a cache bounded
/// by the total size of the HTML it holds.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    /// <summary>The rel value every rendered link carries.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    /// <summary>The default bound of the cache, in UTF-16 characters of HTML (about 16 MB).</summary>
    public const long DefaultCacheSizeLimit = 8 * 1024 * 1024;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly MemoryCache cache;

    /// <summary>A renderer with the default cache bound.</summary>
    public MarkdownRenderer()
        : this(DefaultCacheSizeLimit)
    {
    }

    /// <summary>A renderer whose cache holds at most <paramref name="cacheSizeLimit"/> characters of HTML.</summary>
    public MarkdownRenderer(long cacheSizeLimit)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cacheSizeLimit });
    }

    /// <summary>The safe HTML for a Markdown text; empty for null or empty input.</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)));
        if (cache.TryGetValue(key, out string? html) && html is not null)
        {
            return html;
        }

        html = Render(markdown);
        cache.Set(key, html, new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length) + key.Length });
        return html;
    }

    /// <summary>The safe HTML as markup a Razor component writes without encoding it again.</summary>
    public MarkupString ToMarkup(string? markdown) => new(ToHtml(markdown));

    /// <inheritdoc />
    public void Dispose() => cache.Dispose();

    /// <summary>Parses, makes safe and renders, without the cache.</summary>
    internal static string Render(string markdown)
    {
        try
        {
            return RenderMarkdown(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting (thousands of ">" or "*a") while parsing or rendering, rather than overflow
            // its stack. Such text is not sensible Markdown, but it is still somebody's post: show it as plain text
            // instead of failing every page that lists it.
            return PlainText(markdown);
        }
    }

    private static string RenderMarkdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        LinkPolicy.Apply(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Find<LinkInlineRenderer>()!.Rel = LinkRel;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string PlainText(string text)
    {
        var html = new StringBuilder("<p>", text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\n' => "<br />\n",
                '\r' => "",
                _ => c.ToString(),
            });
        }

        return html.Append("</p>\n").ToString();
    }
}
