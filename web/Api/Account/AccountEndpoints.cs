using LivingLab.Web.Features.Account;
using LivingLab.People;
using Orleans;
using LivingLab.Web.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace LivingLab.Web.Api.Account;

/// <summary>Sign-up, sign-in, sign-out and the signed-in account: <c>/api/account</c>.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");
        account.MapPost("/register", Register).RequireRateLimiting(RateLimitHostingExtensions.RegisterPolicy)
            .WithName("Register")
            .WithSummary("Create an account and sign in")
            .WithDescription(
                "Creates a resident account from an email, a password and a display name, and signs it in: the response sets " +
                "the `livinglab.auth` cookie. The email and password never appear in any response. Rate-limited per client address.")
            .Produces<AccountResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        account.MapPost("/login", Login).RequireRateLimiting(RateLimitHostingExtensions.LoginPolicy)
            .WithName("Login")
            .WithSummary("Sign in with email and password")
            .WithDescription(
                "Checks the email and password and sets the `livinglab.auth` cookie. Five wrong passwords in a row lock the " +
                "account for 15 minutes (403 `lockedOut` with `Retry-After`). Rate-limited per client address (429 `rateLimited`).")
            .Produces<AccountResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        account.MapPost("/logout", (Func<HttpContext, Task<IResult>>)Logout)
            .WithName("Logout")
            .WithSummary("Sign out")
            .WithDescription("Clears the `livinglab.auth` cookie. Needs no body; succeeds whether or not anyone was signed in.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        account.MapGet("/me", Me).RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in account")
            .WithDescription("Returns the caller's account (id, display name, roles and partner organisation), by cookie or bearer token.")
            .Produces<AccountResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Register(RegisterRequest? body, HttpContext context, IGrainFactory grains)
    {
        var result = await AccountActions.RegisterAsync(context, grains, body?.Email, body?.Password, body?.DisplayName);
        return result.Succeeded
            ? TypedResults.Created("/api/account/me", AccountResponse.From(result.Value!))
            : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Login(LoginRequest? body, HttpContext context, IGrainFactory grains)
    {
        var result = await AccountActions.SignInAsync(context, grains, body?.Email, body?.Password);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value!)) : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await AccountActions.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(HttpContext context, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IPersonGrain>(AccountPrincipal.PersonId(context.User)!).GetProfile();
        return profile is null ? Problems.Create(context, "notFound") : TypedResults.Ok(AccountResponse.From(profile));
    }
}
