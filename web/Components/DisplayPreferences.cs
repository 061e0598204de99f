namespace LivingLab.Web.Components;

/// <summary>
/// Display choices remembered in a cookie, like the language: large text (125%) for residents who need it. A link with
/// <c>?text=large</c> or <c>?text=normal</c> sets it, so it works without JavaScript and from a printed QR code.
/// </summary>
public static class DisplayPreferences
{
    /// <summary>The cookie that remembers the text size.</summary>
    public const string TextCookie = "livinglab.text";

    /// <summary>Whether this request asks for large text (the query wins over the cookie, so the change shows at once).</summary>
    public static bool WantsLargeText(HttpContext context) =>
        context.Request.Query.TryGetValue("text", out var asked) ? asked == "large" : context.Request.Cookies[TextCookie] == "large";

    /// <summary>Remembers <c>?text=</c> in the cookie for the next pages.</summary>
    public static Task RememberTextChoice(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.TryGetValue("text", out var asked) && (asked == "large" || asked == "normal"))
        {
            context.Response.Cookies.Append(TextCookie, asked.ToString(),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return next();
    }

    /// <summary>The current URL with one query parameter set (others kept), for language and text-size links.</summary>
    public static string WithQuery(HttpContext context, string key, string value)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var pairs = query.Where(p => p.Key != key).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(key, value));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.Request.Path.Value ?? "/", pairs);
    }
}
