using LivingLab.People;
using Orleans;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LivingLab.Web.Api.Account;

/// <summary>
/// Keeps the cookie principal current: roles granted or removed take effect on the next request, and the cookie of a
/// person who no longer exists stops working. API requests get 401/403 problems instead of redirects.
/// </summary>
public sealed class AccountCookieEvents(IGrainFactory grains) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = AccountPrincipal.PersonId(context.Principal);
        var profile = id is null ? null : await grains.GetGrain<IPersonGrain>(id).GetProfile();
        if (profile is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccountSchemes.Cookie);
            return;
        }

        context.ReplacePrincipal(AccountPrincipal.Create(profile, AccountSchemes.Cookie));
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        ApiPaths.IsApi(context.Request) ? Problems.WriteAsync(context.HttpContext, "unauthenticated") : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        ApiPaths.IsApi(context.Request) ? Problems.WriteAsync(context.HttpContext, "forbidden") : base.RedirectToAccessDenied(context);
}
