namespace LivingLab.Web.Features.Account;

/// <summary>The sign-out form's target: a POST with the antiforgery token (a link could sign people out from another site).</summary>
public static class AccountPageEndpoints
{
    /// <summary>Maps <c>POST /logout</c>.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        // Taking the form makes the framework check its antiforgery token before this runs.
        app.MapPost("/logout", async (HttpContext context, IFormCollection form) =>
        {
            await AccountActions.SignOutAsync(context);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }
}
