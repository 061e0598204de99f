using LivingLab.People;

namespace LivingLab.Web.Api.Account;

/// <summary>Puts the authenticated person's id, roles and partner organisation into the grain call context, so grains can check them too.</summary>
public static class CallerContextMiddleware
{
    /// <summary>Adds the middleware; it must follow authentication.</summary>
    public static IApplicationBuilder UseCallerContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set inside this async method, the context flows into the rest of the request and no further.
        if (AccountPrincipal.PersonId(context.User) is { } id)
        {
            Caller.Set(id, AccountPrincipal.RolesOf(context.User), AccountPrincipal.PartnerIdOf(context.User));
        }
        else
        {
            Caller.Clear();
        }

        await next(context);
    });
}
