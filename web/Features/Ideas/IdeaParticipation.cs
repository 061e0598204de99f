using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Ideas;

/// <summary>What an interactive island on an idea page asks of the idea's grain, as the circuit's signed-in person.</summary>
public sealed class IdeaParticipation(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Votes (or withdraws the vote) and returns the new count, or the grain's refusal.</summary>
    public async Task<CommandResult<int>> ToggleVoteAsync(string ideaId, bool withdraw)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var idea = grains.GetGrain<IIdeaGrain>(ideaId);
        return withdraw ? await idea.WithdrawVoteAsync() : await idea.VoteAsync();
    }

    /// <summary>Follows (or unfollows), or returns the grain's refusal.</summary>
    public async Task<CommandResult> ToggleFollowAsync(string id, bool unfollow)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var idea = grains.GetGrain<IIdeaGrain>(id);
        return unfollow ? await idea.UnfollowAsync() : await idea.FollowAsync();
    }
}
