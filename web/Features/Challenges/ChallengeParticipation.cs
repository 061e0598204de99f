using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Challenges;

/// <summary>What an interactive island on a challenge page asks of the challenge's grain, as the circuit's signed-in person.</summary>
public sealed class ChallengeParticipation(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>Supports (or withdraws the support) and returns the new count, or the grain's refusal.</summary>
    public async Task<CommandResult<int>> ToggleSupportAsync(string challengeId, bool withdraw)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var challenge = grains.GetGrain<IChallengeGrain>(challengeId);
        return withdraw ? await challenge.WithdrawSupportAsync() : await challenge.SupportAsync();
    }

    /// <summary>Follows (or unfollows), or returns the grain's refusal.</summary>
    public async Task<CommandResult> ToggleFollowAsync(string id, bool unfollow)
    {
        CallerContextMiddleware.SetCaller((await authentication.GetAuthenticationStateAsync()).User);
        var challenge = grains.GetGrain<IChallengeGrain>(id);
        return unfollow ? await challenge.UnfollowAsync() : await challenge.FollowAsync();
    }
}
