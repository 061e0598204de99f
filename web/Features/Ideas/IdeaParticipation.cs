using System.Security.Claims;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Ideas;

/// <summary>
/// What an interactive island on an idea page asks of the idea's grain, as the signed-in person. A circuit has no
/// request to carry the caller, so each call puts the circuit's person into the grain call context itself.
/// </summary>
public sealed class IdeaParticipation(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Votes (or withdraws the vote) and returns the new count, or the grain's refusal.</summary>
    public async Task<CommandResult<int>> ToggleVoteAsync(string ideaId, bool withdraw)
    {
        SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var idea = grains.GetGrain<IIdeaGrain>(ideaId);
        return withdraw ? await idea.WithdrawVoteAsync() : await idea.VoteAsync();
    }

    // Synchronous on purpose: an async helper's change to the call context would be undone when it returned. Set here,
    // it reaches the grain call in the calling method and is gone when that method returns.
    private static void SetCaller(ClaimsPrincipal user)
    {
        if (AccountPrincipal.PersonId(user) is { } id)
        {
            Caller.Set(id, AccountPrincipal.RolesOf(user), AccountPrincipal.PartnerIdOf(user));
        }
        else
        {
            Caller.Clear();
        }
    }
}
