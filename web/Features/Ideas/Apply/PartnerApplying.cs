using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Ideas.Apply;

/// <summary>What the partner-application island asks of an idea's grain, as the circuit's signed-in partner member.</summary>
public sealed class PartnerApplying(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Applies to join the idea with a Markdown proposal; returns the (pending) application or the grain's refusal.</summary>
    public async Task<CommandResult<PartnerApplication>> ApplyAsync(string ideaId, string? proposal)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        return await grains.GetGrain<IIdeaGrain>(ideaId).ApplyAsPartnerAsync(proposal);
    }
}
