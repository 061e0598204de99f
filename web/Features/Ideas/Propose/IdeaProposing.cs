using LivingLab.Common;
using LivingLab.ReadModel;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Ideas.Propose;

/// <summary>What the propose island asks of the idea grains, as the circuit's signed-in person.</summary>
public sealed class IdeaProposing(IGrainFactory grains, ProjectionRunner projections, AuthenticationStateProvider authentication)
{
    /// <summary>Proposes the idea (once per form key) and makes the lists show it, or returns the refusals.</summary>
    public async Task<IdeaProposalOutcome> ProposeAsync(ProposeIdeaInput form, CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (AccountPrincipal.PersonId(user) is not { } personId)
        {
            return new IdeaProposalOutcome(null, [new Rejection("unauthenticated")]);
        }

        // Set here, in the method whose awaits reach the grain: the call context does not come back out of a helper.
        CallerContextMiddleware.SetCaller(user);
        var outcome = await IdeaProposal.ProposeAsync(grains, personId, form);
        if (outcome.IdeaId is not null)
        {
            await projections.CatchUpAsync(cancellationToken);
        }

        return outcome;
    }
}
