using System.Security.Claims;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.IdeaList;
using LivingLab.Web.Api.Account;
using LivingLab.Web.Features.Ideas;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Facilitate.Board;

/// <summary>What the stage board asks of the grains and the read model, always as the circuit's signed-in staff member.</summary>
public sealed class StageBoardDesk(IGrainFactory grains, IdeaQueries ideas, ProjectionRunner projections, AuthenticationStateProvider authentication)
{
    // A town has tens of open ideas; the queue page uses the same bound.
    private const int MaxOpenIdeas = 200;

    /// <summary>The open ideas in every stage; empty for anyone not on staff.</summary>
    public async Task<BoardSnapshot> LoadAsync()
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return BoardSnapshot.Empty;
        }

        CallerContextMiddleware.SetCaller(user);

        var open = (await ideas.ListAsync(new IdeaListQuery(Status: IdeaStatus.Open, Sort: IdeaSort.Votes, PageSize: MaxOpenIdeas))).Value!.Items;
        var cards = open.Select(i => new BoardCard(i.Id, i.Title, i.Stage, i.VoteCount, i.Operator)).ToList();
        var partners = cards.Any(c => c.Operator is not null and not IdeaDisplay.TownOperator)
            ? await IdeaDisplay.PartnerNamesAsync(grains)
            : new Dictionary<string, string>();
        return new BoardSnapshot(cards, partners);
    }

    /// <summary>The idea as it stands now, with the checklist of its next gate; null when gone or the reader is not staff.</summary>
    public async Task<IdeaDetails?> GetAsync(string ideaId)
    {
        if (await authentication.StaffMemberAsync() is not { } user || !Ids.IsWellFormed(ideaId))
        {
            return null;
        }

        CallerContextMiddleware.SetCaller(user);
        return await grains.GetGrain<IIdeaGrain>(ideaId).GetAsync();
    }

    /// <summary>
    /// Moves the idea to <paramref name="to"/> through the grain's stage gate. <paramref name="evidence"/> is typed one link
    /// per line. A refusal (gateNotMet with its causes, notAdjacentStage, required, forbidden…) is the result, not an exception.
    /// </summary>
    public async Task<CommandResult<IdeaDetails>> MoveAsync(string ideaId, Stage to, string? rationale, string? evidence)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<IdeaDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);

        var links = (evidence ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        var result = await grains.GetGrain<IIdeaGrain>(ideaId).AdvanceAsync(new AdvanceInput(to, rationale, links));
        if (result.Succeeded)
        {
            // Lists read the read model: catching up here means every list this reader opens next shows the move.
            await projections.CatchUpAsync();
        }

        return result;
    }
}
