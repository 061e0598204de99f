using Microsoft.AspNetCore.Authentication.Cookies;

namespace LivingLab.Web.Api.Account;

/// <summary>The authentication scheme names: a cookie for browsers, a bearer token for partner systems.</summary>
public static class AccountSchemes
{
    /// <summary>Chooses per request: bearer when an Authorization: Bearer header is sent, otherwise the cookie.</summary>
    public const string Default = "LivingLab";

    /// <summary>The sign-in cookie.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Personal access tokens sent as <c>Authorization: Bearer …</c>.</summary>
    public const string Bearer = "Bearer";

    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "livinglab.auth";

    /// <summary>The authorization policy that admits admins only.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The authorization policy for staff work (moderation, proxy entry, moving ideas): facilitators and admins.</summary>
    public const string FacilitatorPolicy = "facilitator";

    /// <summary>The authorization policy that admits members of a partner organisation.</summary>
    public const string PartnerPolicy = "partner";
}
