namespace LivingLab.Common;

/// <summary>Which links the platform stores and shows as links: evidence of a decision, a workshop's online room.</summary>
public static class LinkRules
{
    /// <summary>The longest link stored.</summary>
    public const int MaxLength = 2_000;

    /// <summary>
    /// An absolute http(s) URL of at most 2,000 characters, written in its plain form, with a host and no user name (so
    /// "https://town.example@evil.example" cannot pose as the town's site) and no white space or control characters.
    /// </summary>
    public static bool IsSafeLink(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= MaxLength
        // Browsers silently drop tabs and newlines from URLs, so a link containing any could point somewhere other than it reads.
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        // "https:\\host" and "https:host" parse leniently here and differently in browsers; only the plain form is stored.
        && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0;
}
