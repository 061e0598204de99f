using LivingLab.Workshops.Board;
using Microsoft.AspNetCore.DataProtection;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>
/// A guest's pass on one workshop's board, kept in a cookie the server encrypts and signs: the phone holds it, but
/// cannot read it or make one up. One cookie per workshop (<c>ll.guest.{workshopId}</c>), lasting a day at most; the
/// board grain still decides whether the guest may act (a removed guest, or a pass from an earlier session, is refused).
/// </summary>
public sealed class GuestPasses(IDataProtectionProvider protection)
{
    /// <summary>How long a pass cookie lives: long enough for a workshop, short enough not to linger on a shared phone.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>What every pass cookie's name starts with (the endpoint policy sends such requests to the interactive set).</summary>
    public const string CookiePrefix = "ll.guest.";

    private readonly IDataProtector protector = protection.CreateProtector("LivingLab.BoardGuest.v1");

    /// <summary>The cookie name of the pass for <paramref name="workshopId"/>.</summary>
    public static string CookieName(string workshopId) => CookiePrefix + workshopId;

    /// <summary>Hands the guest their pass (call before the response starts).</summary>
    public void Issue(HttpContext context, string workshopId, GuestPass pass)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pass);
        context.Response.Cookies.Append(CookieName(workshopId), Protect(new GuestTicket(workshopId, pass.GuestId, pass.Session, pass.Nickname)),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = Lifetime,
                Path = "/",
            });
    }

    /// <summary>The guest's pass for <paramref name="workshopId"/> from the request's cookies; null when none is valid.</summary>
    public GuestTicket? Read(HttpContext context, string workshopId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies.TryGetValue(CookieName(workshopId), out var value) ? Unprotect(value, workshopId) : null;
    }

    /// <summary>Takes the pass back (a guest leaving, or one the board refused).</summary>
    public static void Clear(HttpContext context, string workshopId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName(workshopId), new CookieOptions { Path = "/" });
    }

    /// <summary>The protected form of a ticket (what the cookie holds).</summary>
    public string Protect(GuestTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return protector.Protect(string.Join('\n', ticket.WorkshopId, ticket.GuestId, ticket.Session.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Nickname));
    }

    /// <summary>The ticket a protected value holds, if it is genuine and for <paramref name="workshopId"/>.</summary>
    public GuestTicket? Unprotect(string? value, string workshopId)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('\n', 4);
            return parts.Length == 4 && parts[0] == workshopId && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var session)
                ? new GuestTicket(parts[0], parts[1], session, parts[3])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered with, from another key ring, or simply old: the same as no pass.
            return null;
        }
    }
}

/// <summary>What a guest's pass says: the workshop, the guest id the board handed out, the session, the nickname.</summary>
public sealed record GuestTicket(string WorkshopId, string GuestId, int Session, string Nickname);
