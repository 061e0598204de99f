using System.Text.Encodings.Web;
using LivingLab.People;
using Orleans;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LivingLab.Web.Api.Account;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;personal access token&gt;</c>: hashes the token, finds its owner through the
/// token index (remembered per node: <see cref="TokenBindings"/>) and asks the owner's grain whether the token is still live (so a revocation takes effect at once).
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    TokenBindings bindings) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request carries a bearer token, which then decides the scheme.</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        if (!AccessTokens.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("The bearer token is not a LivingLab access token.");
        }

        var binding = await bindings.FindAsync(AccessTokens.Hash(token));
        if (binding is null)
        {
            return AuthenticateResult.Fail("Unknown access token.");
        }

        var result = await grains.GetGrain<IPersonGrain>(binding.PersonId).AuthenticateToken(binding.TokenId);
        if (!result.Succeeded)
        {
            return AuthenticateResult.Fail("The access token was revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.Create(result.Value!, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, Failed() ? "invalidToken" : "unauthenticated");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Problems.WriteAsync(Context, "forbidden");

    private bool Failed() => HasBearer(Request);
}
