using LivingLab.People;
using LivingLab.Runtime;
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
        account.MapPost("/register", Register).RequireRateLimiting(RateLimitHostingExtensions.RegisterPolicy);
        account.MapPost("/login", Login).RequireRateLimiting(RateLimitHostingExtensions.LoginPolicy);
        account.MapPost("/logout", (Func<HttpContext, Task<IResult>>)Logout);
        account.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Register(RegisterRequest? body, HttpContext context, IGrainFactory grains)
    {
        var registration = new Registration(body?.Email ?? "", body?.Password ?? "", body?.DisplayName ?? "");
        if (AccountRules.CheckRegistration(registration) is { } problem)
        {
            return Problems.From(context, problem);
        }

        var result = await grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(registration.Email)).Register(registration);
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        await SignInAsync(context, result.Value!);
        return TypedResults.Created("/api/account/me", AccountResponse.From(result.Value!));
    }

    private static async Task<IResult> Login(LoginRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (AccountRules.CheckEmail(body?.Email) is { } badEmail)
        {
            return Problems.From(context, badEmail);
        }

        if (string.IsNullOrEmpty(body!.Password))
        {
            return Problems.Create(context, "required", "password");
        }

        // No account has a longer password, and hashing megabytes of input is work an attacker should not get for free.
        if (body.Password.Length > AccountRules.MaxPasswordLength)
        {
            return Problems.Create(context, "invalidCredentials");
        }

        var result = await grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(body.Email!)).SignIn(body.Password);
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        await SignInAsync(context, result.Value!);
        return TypedResults.Ok(AccountResponse.From(result.Value!));
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(AccountSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(HttpContext context, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IPersonGrain>(AccountPrincipal.PersonId(context.User)!).GetProfile();
        return profile is null ? Problems.Create(context, "notFound") : TypedResults.Ok(AccountResponse.From(profile));
    }

    private static Task SignInAsync(HttpContext context, PersonProfile profile) =>
        context.SignInAsync(AccountSchemes.Cookie, AccountPrincipal.Create(profile, AccountSchemes.Cookie));
}
