using LivingLab.Web.Api.Account;
using LivingLab.Web.Components;
using LivingLab.Web.Features.Workshops.Live;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing.Matching;

namespace LivingLab.Web.Hosting;

/// <summary>
/// Every page is mapped twice: under <see cref="App"/>, which maps InteractiveServer, and under <see cref="PublicApp"/>,
/// which maps no interactive mode. An anonymous read goes to the public set, everything else to the interactive one.
/// </summary>
/// <remarks>
/// Once an endpoint set maps an interactive mode, every page in it sets the antiforgery cookie and
/// <c>Cache-Control: no-store</c>, so the output cache would never hold a page again (and stripping those headers would
/// hand one visitor's cookie to the next). Matching runs before authentication, so "anonymous" is read from the
/// request: no sign-in cookie and no Authorization header. A stale cookie only costs that visitor the cache.
/// </remarks>
public sealed class PublicPagesPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <inheritdoc />
    public override int Order => 0;

    /// <inheritdoc />
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(endpoint => endpoint.Metadata.GetMetadata<RootComponentMetadata>() is not null);

    /// <inheritdoc />
    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var unwanted = IsAnonymousRead(httpContext.Request) ? typeof(App) : typeof(PublicApp);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<RootComponentMetadata>()?.Type == unwanted)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A GET or HEAD with no sign-in cookie, no Authorization header and no board guest pass (a guest's live board
    /// needs the circuit, and a guest's page is no one else's to cache).
    /// </summary>
    public static bool IsAnonymousRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Cookies.ContainsKey(AccountSchemes.CookieName)
        && !request.Headers.ContainsKey("Authorization")
        && !request.Cookies.Keys.Any(name => name.StartsWith(GuestPasses.CookiePrefix, StringComparison.Ordinal));
}
