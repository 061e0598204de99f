using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LivingLab.Web.Tests.Markdown;

// Reads rendered HTML the way a browser would and lists everything that could run script or leave the allowed schemes.
internal static class HtmlSafety
{
    private static readonly HtmlParser Parser = new();

    // Elements our Markdown never needs; any of them means raw HTML got through.
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "object", "embed", "style", "img", "svg", "math", "form", "input", "button", "textarea",
        "select", "base", "meta", "link", "frame", "frameset", "applet", "video", "audio", "source", "track",
        "template", "noscript", "isindex", "details", "marquee", "xmp", "picture", "portal",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background", "ping",
        "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "manifest", "icon",
    };

    // Everything Markdig writes for the features we enable; an attribute outside this list needs a review.
    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "title", "rel", "start", "type", "class", "style",
    };

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static IDocument Parse(string html) =>
        Parser.ParseDocument("<!doctype html><html><head></head><body>" + html + "</body></html>");

    public static IReadOnlyList<string> Problems(string html)
    {
        var problems = new List<string>();
        var document = Parse(html);
        var pageUrl = new Url("https://town.example/ideas/1");

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"element <{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"event handler {name} on <{element.LocalName}>");
                }

                if (!AllowedAttributes.Contains(name))
                {
                    problems.Add($"attribute {name} on <{element.LocalName}>");
                }

                if (name.Equals("style", StringComparison.OrdinalIgnoreCase)
                    && attribute.Value is not ("text-align: left;" or "text-align: center;" or "text-align: right;"))
                {
                    problems.Add($"style \"{attribute.Value}\" on <{element.LocalName}>");
                }

                if (UrlAttributes.Contains(name))
                {
                    CheckUrl(problems, element, name, attribute.Value, pageUrl);
                }
            }

            if (element.LocalName == "a" && !RelTokens(element).IsSupersetOf(["nofollow", "ugc", "noopener"]))
            {
                problems.Add($"link without rel=\"nofollow ugc noopener\": {element.OuterHtml}");
            }
        }

        return problems;
    }

    private static void CheckUrl(List<string> problems, IElement element, string name, string value, Url pageUrl)
    {
        // As the browser resolves it, against the page it appears on.
        var resolved = new Url(pageUrl, value);
        if (resolved.IsInvalid || !AllowedSchemes.Contains(resolved.Scheme.ToLowerInvariant()))
        {
            problems.Add($"{name}=\"{value}\" resolves to scheme \"{resolved.Scheme}\" on <{element.LocalName}>");
        }

        // Stricter than the browser: the scheme must be written out, so no relative URL borrows the page's.
        var cleaned = new string(value.Trim(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray())
            .Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).ToLowerInvariant();
        if (!AllowedSchemes.Any(s => cleaned.StartsWith(s + ":", StringComparison.Ordinal)))
        {
            problems.Add($"{name}=\"{value}\" does not start with an allowed scheme on <{element.LocalName}>");
        }
    }

    private static HashSet<string> RelTokens(IElement element) =>
        (element.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
