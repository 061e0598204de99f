using LivingLab.People;
using LivingLab.Storage;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Api.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;

namespace LivingLab.Web.Hosting;

/// <summary>Wires accounts: cookie and bearer authentication, roles, the caller context for grains, problem details and the account API.</summary>
public static class AccountHostingExtensions
{
    /// <summary>Registers authentication, authorization, rate limits, problem details and the first-admin start-up step.</summary>
    public static WebApplicationBuilder AddLivingLabAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = c => Problems.Complete(c.HttpContext, c.ProblemDetails));
        services.AddScoped<AccountCookieEvents>();
        // Sign-in cookies and antiforgery tokens are protected with Data Protection keys. In the store, every node on
        // it reads the same key ring, so a cookie made by one node is read by all; the application name (instead of
        // the default, the content root) ties the nodes together wherever each is installed. The keys lie in the
        // database unencrypted: whoever can read the database could forge a sign-in, which is no wider than what that
        // reader has already (every account and all state). An operator who wants the keys encrypted at rest adds a
        // ProtectKeysWith… call here (a certificate, Azure Key Vault).
        services.AddDataProtection()
            .SetApplicationName("LivingLab")
            .PersistKeysToLivingLabStore();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AccountSchemes.Default;
                options.DefaultSignInScheme = AccountSchemes.Cookie;
            })
            .AddPolicyScheme(AccountSchemes.Default, null, options =>
                options.ForwardDefaultSelector = context =>
                    AccessTokenAuthenticationHandler.HasBearer(context.Request) ? AccountSchemes.Bearer : AccountSchemes.Cookie)
            .AddCookie(AccountSchemes.Cookie, options =>
            {
                options.Cookie.Name = AccountSchemes.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.EventsType = typeof(AccountCookieEvents);
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/forbidden";
                options.ReturnUrlParameter = "returnUrl";
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccountSchemes.Bearer, null);
        services.AddSingleton<TokenBindings>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccountSchemes.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(AccountSchemes.FacilitatorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Facilitator, Roles.Admin))
            .AddPolicy(AccountSchemes.PartnerPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Partner));
        services.AddLivingLabRateLimits(builder.Configuration);
        services.AddHostedService<AdminBootstrapService>();
        return builder;
    }

    /// <summary>
    /// Adds, in order: API problem bodies for bare status codes, JSON-only API writes, rate limits, authentication,
    /// the grain caller context and authorization. Call after localization and before the endpoints.
    /// </summary>
    public static WebApplication UseLivingLabAccounts(this WebApplication app)
    {
        app.UseWhen(context => ApiPaths.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseApiJsonOnly();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseCallerContext();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the account, token and admin endpoints.</summary>
    public static WebApplication MapLivingLabAccounts(this WebApplication app)
    {
        app.MapAccountApi();
        app.MapTokenApi();
        app.MapAdminUserApi();
        return app;
    }

    /// <summary>
    /// API clients choose their language with Accept-Language; pages do not, so a browser set to English still gets
    /// the Japanese site until the person picks English. An explicit choice (query or cookie) wins over the header.
    /// </summary>
    internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider header = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            ApiPaths.IsApi(httpContext.Request) ? header.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }
}
