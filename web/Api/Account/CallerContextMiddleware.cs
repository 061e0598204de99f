using System.Security.Claims;
using LivingLab.People;

namespace LivingLab.Web.Api.Account;

/// <summary>Puts the authenticated person's id, roles and partner organisation into the grain call context, so grains can check them too.</summary>
public static class CallerContextMiddleware
{
    /// <summary>Adds the middleware; it must follow authentication.</summary>
    public static IApplicationBuilder UseCallerContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set inside this async method, the context flows into the rest of the request and no further.
        SetCaller(context.User);
        await next(context);
    });

    /// <summary>
    /// Makes <paramref name="user"/> the caller of the grain calls that follow in the calling method (a circuit has no
    /// request, so interactive components' façades call this before each grain call). Synchronous on purpose: an async
    /// helper's change to the call context would be undone when it returned.
    /// </summary>
    public static void SetCaller(ClaimsPrincipal user)
    {
        if (AccountPrincipal.PersonId(user) is { } id)
        {
            Caller.Set(id, AccountPrincipal.RolesOf(user), AccountPrincipal.PartnerIdOf(user));
        }
        else
        {
            Caller.Clear();
        }
    }
}
