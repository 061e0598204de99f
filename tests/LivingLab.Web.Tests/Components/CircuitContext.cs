using System.Globalization;
using System.Security.Claims;
using Bunit;
using LivingLab.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LivingLab.Web.Tests.Components;

/// <summary>
/// A signed-in person's circuit for bUnit tests of islands: bUnit's renderer and authentication, MudBlazor's services with
/// the project's Japanese texts, the islands' façades built over the real site's services, everything else from the site.
/// </summary>
public static class CircuitContext
{
    /// <summary>A circuit of <paramref name="personId"/> with <paramref name="roles"/>; <paramref name="facades"/> are built per circuit.</summary>
    public static BunitContext Create(IServiceProvider site, string name, string personId, IReadOnlyList<string> roles,
        bool interactive = true, params Type[] facades) =>
        Create(site, name, personId, roles, [], interactive, facades);

    /// <summary>As <see cref="Create(IServiceProvider, string, string, IReadOnlyList{string}, bool, Type[])"/>, with more claims (a partner member's organisation).</summary>
    public static BunitContext Create(IServiceProvider site, string name, string personId, IReadOnlyList<string> roles,
        IReadOnlyList<Claim> claims, bool interactive = true, params Type[] facades)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.Services.AddTransient<MudLocalizer, MudTranslations>();
        // The fallback provider serves what a component asks for, not the dependencies of a service built here: a façade
        // takes the circuit's authentication from bUnit and the rest (grains, read model, feeds) from the real site.
        foreach (var facade in facades)
        {
            context.Services.AddScoped(facade, services => ActivatorUtilities.CreateInstance(new CircuitServices(services, site), facade));
        }

        context.Services.AddFallbackServiceProvider(site);
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(name);
        // SetRoles starts the claims afresh: the person's id goes on after it.
        if (roles.Count > 0)
        {
            authorization.SetRoles([.. roles]);
        }

        authorization.SetClaims([new Claim(ClaimTypes.NameIdentifier, personId), .. claims]);
        // Last: it reads from the provider, which then takes no more registrations.
        context.AddBunitPersistentComponentState();
        context.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", isInteractive: interactive));
        return context;
    }

    /// <summary>Sets the page's language for what follows: the culture lives in the execution context and flows into every render.</summary>
    public static void UseCulture(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    /// <summary>
    /// Finds the element and acts on it, again if a live update re-rendered the island between the two (the element's
    /// handlers are then gone): an island joins its live feed after the first render and may redraw at any moment.
    /// </summary>
    public static void Act<TComponent>(IRenderedComponent<TComponent> cut, string selector, Action<AngleSharp.Dom.IElement> action)
        where TComponent : IComponent
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                action(cut.Find(selector));
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                // Found in one render, dispatched after the next: find it again in the current one.
            }
        }
    }

    private sealed class CircuitServices(IServiceProvider circuit, IServiceProvider site) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(AuthenticationStateProvider) ? circuit.GetService(serviceType) : site.GetService(serviceType) ?? circuit.GetService(serviceType);
    }
}
