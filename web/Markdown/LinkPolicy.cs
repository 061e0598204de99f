using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LivingLab.Web.Markdown;

/// <summary>The pass over a parsed Markdown document that keeps only http, https and mailto links, and turns images into links.</summary>
internal static class LinkPolicy
{
    // The WHATWG URL parser trims C0 controls and space (U+0000 to U+0020) from both ends.
    private static readonly char[] TrimmedByBrowsers = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();

    /// <summary>Rewrites the document in place.</summary>
    public static void Apply(MarkdownDocument document)
    {
        // Safe autolinks become ordinary links, so one renderer writes every link and its rel (Markdig's autolink
        // renderer leaves rel off e-mail addresses); refused ones become the literal text the author typed.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var text = autolink.Url ?? "";
            var url = SafeUrl(autolink.IsEmail ? "mailto:" + text : text);
            autolink.ReplaceBy(url is null ? new LiteralInline(text) : new LinkInline(url, "") { IsAutoLink = true }.AppendChild(new LiteralInline(text)));
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            Apply(link);
        }
    }

    /// <summary>
    /// The URL a browser would follow, if its scheme is http, https or mailto; otherwise null. Browsers strip leading
    /// and trailing control characters and spaces and drop tabs and newlines anywhere (so "java&amp;#x09;script:" is
    /// "javascript:"), and compare schemes without case; the returned URL is that cleaned form, so what is written to
    /// the page is exactly what was checked. Relative URLs, including "//host" and "\\host", are refused: user content
    /// has no business linking into the site by path, and a relative URL is where protocol tricks hide.
    /// </summary>
    public static string? SafeUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var cleaned = new string(url.Trim(TrimmedByBrowsers).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon <= 0 || !IsScheme(cleaned.AsSpan(0, colon)))
        {
            return null;
        }

        var scheme = cleaned[..colon].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" => Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? cleaned : null,
            "mailto" => cleaned.Length > colon + 1 ? cleaned : null,
            _ => null,
        };
    }

    private static void Apply(LinkInline link)
    {
        // A dynamic URL is computed at render time, after this check; resolve it now so nothing unchecked is written.
        if (link.GetDynamicUrl is { } dynamicUrl)
        {
            link.Url = dynamicUrl() ?? link.Url;
            link.GetDynamicUrl = null;
        }

        var url = SafeUrl(link.Url);
        if (url is null)
        {
            Unwrap(link);
            return;
        }

        link.Url = url;
        if (!link.IsImage)
        {
            return;
        }

        if (IsInsideLink(link))
        {
            // [![alt](img)](href): the outer link stays; a link inside a link is not valid HTML, so the image becomes its alt text.
            Unwrap(link);
            return;
        }

        link.IsImage = false;
        if (link.FirstChild is null)
        {
            link.AppendChild(new LiteralInline(url));
        }
    }

    private static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    // Replaces a link by its text (its children), so a refused link still reads as the author wrote it.
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
