using LivingLab.Web.Components.Theme;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using LivingLab.Hosting;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using Orleans.Dashboard;
using LivingLab.Web.Api.Challenges;
using LivingLab.Web.Api.Docs;
using LivingLab.Web.Api.Ideas;
using LivingLab.Web.Api.Lists;
using LivingLab.Web.Api.Partners;
using LivingLab.Web.Api.Workshops;
using LivingLab.Web.Components;
using LivingLab.Web.Features.Account;
using LivingLab.Hosting.Health;
using LivingLab.Web.Features.Live;
using LivingLab.Web.Features.Notifications;
using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Web.Markdown;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using MudBlazor;
using MudBlazor.Services;

namespace LivingLab.Web.Hosting;

/// <summary>Wires the web host: the co-hosted Orleans silo (or an Orleans client of a cluster), localization, accounts, the demo town, health, the API and its documentation, and the server-rendered pages.</summary>
public static class WebHostingExtensions
{
    /// <summary>The UI languages: Japanese first, English second.</summary>
    public static readonly CultureInfo[] Cultures = [new("ja"), new("en")];

    /// <summary>Registers the silo and everything the pages need.</summary>
    public static WebApplicationBuilder AddLivingLabWeb(this WebApplicationBuilder builder)
    {
        builder.UseBuiltStaticAssets();
        // The store first: its migration service then runs before the silo starts, and the silo before the services
        // below that call grains when they start (first admin, demo town, live hub).
        builder.Services.AddLivingLabStore(builder.Configuration);
        var health = builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        var dashboard = OrleansDashboard.IsEnabled(builder.Configuration);
        if (OrleansSettings.IsClient(builder.Configuration))
        {
            builder.UseOrleansClient(client =>
            {
                client.AddLivingLab(builder.Configuration);
                if (dashboard)
                {
                    client.AddDashboard();
                }
            });
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.AddLivingLab(builder.Configuration);
                if (dashboard)
                {
                    silo.AddDashboard();
                }
            });
            health.AddCheck<SiloHealthCheck>("silo");
        }

        // Japanese text stays readable (and a third the size) in the HTML instead of becoming &#x...; entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<MatcherPolicy, PublicPagesPolicy>();
        builder.Services.AddLivingLabCircuits(builder.Configuration);
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<LivingLab.Web.Components.Theme.ThemeStylesheet>();
        builder.Services.AddTransient<MudLocalizer, MudTranslations>();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton(_ => new MarkdownRenderer());
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<LivingLab.Web.Features.Ideas.IdeaParticipation>();
        builder.Services.AddScoped<LivingLab.Web.Features.Ideas.Propose.IdeaProposing>();
        builder.Services.AddScoped<LivingLab.Web.Features.Ideas.Apply.PartnerApplying>();
        builder.Services.AddScoped<LivingLab.Web.Features.Challenges.ChallengeParticipation>();
        builder.Services.AddScoped<LivingLab.Web.Features.Workshops.WorkshopParticipation>();
        builder.Services.AddScoped<LivingLab.Web.Components.Comments.CommentParticipation>();
        builder.Services.AddScoped<LivingLab.Web.Features.Facilitate.Board.StageBoardDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Admin.People.PeopleDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Admin.Partners.PartnersDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Facilitate.Triage.TriageDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Facilitate.Panel.IdeaPanelDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Facilitate.Panel.PanelChanges>();
        builder.Services.AddScoped<LivingLab.Web.Features.Workshops.Staff.WorkshopStaffDesk>();
        builder.Services.AddScoped<LivingLab.Web.Features.Workshops.After.AfterDesk>();
        builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
        builder.Services.AddPageOutputCache();
        builder.AddLivingLabAccounts();
        builder.AddLivingLabDemo();
        builder.Services.AddLivingLabApiDocs();
        builder.Services.AddLivingLabLive();
        builder.Services.AddLivingLabNotifications();
        builder.Services.AddLivingLabBoard();
        return builder;
    }

    // Run from a build instead of a publish (Production from bin/, the process tests, WebApplicationFactory), the
    // precompressed files MapStaticAssets serves live beside the build (obj/, the packages), not in wwwroot: without
    // the build's runtime manifest such a file answered 200 with an empty body. A published site has no such manifest
    // and this does nothing. Outside Development nobody edits wwwroot under a running site, so the runtime reload that
    // re-gzips a file without compressing it (a sub-second modification time never matches the manifest) stays off.
    private static void UseBuiltStaticAssets(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        builder.WebHost.UseStaticWebAssets();
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
    }

    /// <summary>Adds the middleware and endpoints, in order.</summary>
    public static WebApplication UseLivingLabWeb(this WebApplication app)
    {
        // Behind the reverse proxy on this machine, the client's address (rate limits) and scheme (secure cookies)
        // come from X-Forwarded-*; by default only a proxy on loopback is trusted to set them.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseResponseCompression();
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new AccountHostingExtensions.ApiAcceptLanguageProvider(),
            ];
        });
        app.Use(RememberCultureChoice);
        app.Use(DisplayPreferences.RememberTextChoice);
        // Pages answer an unknown address with a page people can act on; the API keeps its problem bodies.
        app.UseWhen(context => !ApiPaths.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
        // Routing after the re-execute above, so the not-found page's own address is routed when it runs again.
        app.UseRouting();
        app.UseLivingLabApiDocs();
        app.UseLivingLabAccounts();
        // After authentication, so a signed-in request is known as one and never meets the anonymous cache.
        app.UseOutputCache();
        app.UseAntiforgery();
        // wwwroot fingerprinted, precompressed and immutable where a page asks through @Assets; the manifest is named
        // after this project, which is not the entry assembly when the benchmarks start the site.
        var assets = Path.Combine(AppContext.BaseDirectory, "LivingLab.Web.staticwebassets.endpoints.json");
        app.MapStaticAssets(assets);
        app.MapLivingLabHealth();
        app.MapThemeStylesheet();
        if (OrleansDashboard.IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: OrleansDashboard.Path).RequireAuthorization(AccountSchemes.AdminPolicy);
        }

        app.MapLivingLabAccounts();
        app.MapPartnerApi();
        app.MapCategoryApi();
        app.MapAccountPages();
        app.MapChallengeApi();
        app.MapIdeaApi();
        app.MapWorkshopApi();
        app.MapBoardApi();
        app.MapListApi();
        app.MapLiveEndpoints();
        app.MapLivingLabApiDocs();
        // The same pages twice: anonymous reads go to PublicApp (cacheable, no circuit), the rest to App (PublicPagesPolicy).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticAssets(assets);
        app.MapRazorComponents<PublicApp>().WithStaticAssets(assets);
        return app;
    }

    // ?culture=en is remembered in the standard culture cookie so the next page keeps the choice.
    private static Task RememberCultureChoice(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.TryGetValue("culture", out var requested)
            && Cultures.Any(c => c.Name == requested.ToString()))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested.ToString())),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return next();
    }
}
