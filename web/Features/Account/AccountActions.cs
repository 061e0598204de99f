using LivingLab.Common;
using LivingLab.People;
using Orleans;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Authentication;

namespace LivingLab.Web.Features.Account;

/// <summary>Registering, signing in and out: one implementation for the API and the pages.</summary>
public static class AccountActions
{
    /// <summary>Creates the account and signs the person in; a refusal names the field and the rule.</summary>
    public static async Task<CommandResult<PersonProfile>> RegisterAsync(HttpContext context, IGrainFactory grains, string? email, string? password, string? displayName)
    {
        var registration = new Registration(email ?? "", password ?? "", displayName ?? "");
        if (AccountRules.CheckRegistration(registration) is { } problem)
        {
            return new CommandResult<PersonProfile>(null, problem);
        }

        var result = await grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(registration.Email)).Register(registration);
        if (result.Succeeded)
        {
            await SignInAsync(context, result.Value!);
        }

        return result;
    }

    /// <summary>Checks the password and signs the person in ("invalidCredentials", "lockedOut" otherwise).</summary>
    public static async Task<CommandResult<PersonProfile>> SignInAsync(HttpContext context, IGrainFactory grains, string? email, string? password)
    {
        if (AccountRules.CheckEmail(email) is { } badEmail)
        {
            return new CommandResult<PersonProfile>(null, badEmail);
        }

        if (string.IsNullOrEmpty(password))
        {
            return CommandResult<PersonProfile>.Reject("required", "password");
        }

        // No account has a longer password, and hashing megabytes of input is work an attacker should not get for free.
        if (password.Length > AccountRules.MaxPasswordLength)
        {
            return CommandResult<PersonProfile>.Reject("invalidCredentials");
        }

        var result = await grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(email!)).SignIn(password);
        if (result.Succeeded)
        {
            await SignInAsync(context, result.Value!);
        }

        return result;
    }

    /// <summary>Ends the session.</summary>
    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(AccountSchemes.Cookie);

    /// <summary>A return address that stays on this site ("/me", never "//evil.example" or "https://…").</summary>
    public static string LocalReturnUrl(string? url, string fallback = "/") =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Contains("://", StringComparison.Ordinal)
            && !url.Any(char.IsControl) ? url : fallback;

    private static Task SignInAsync(HttpContext context, PersonProfile profile) =>
        context.SignInAsync(AccountSchemes.Cookie, AccountPrincipal.Create(profile, AccountSchemes.Cookie));
}
