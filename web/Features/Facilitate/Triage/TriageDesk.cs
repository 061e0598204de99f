using System.Security.Claims;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.ChallengeList;
using LivingLab.ReadModel.IdeaList;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Facilitate.Triage;

/// <summary>What the triage grid asks of the grains and the read model, always as the circuit's signed-in staff member.</summary>
public sealed class TriageDesk(IGrainFactory grains, ChallengeQueries challenges, IdeaQueries ideas, ProjectionRunner projections, AuthenticationStateProvider authentication)
{
    /// <summary>
    /// The most challenges the grid holds: a town has tens waiting at a time; past this the oldest are shown and the grid
    /// says how many wait in all (the rest come in as these are decided).
    /// </summary>
    public const int MaxRows = 200;

    // The accept choice lists the open ideas; the queue page uses the same bound.
    private const int MaxOpenIdeas = 200;

    // What the static merge search offers: the ten best-supported matches.
    private const int MaxCandidates = 10;

    /// <summary>
    /// The challenges awaiting triage, oldest first, with <paramref name="focus"/> first when it is one of them (a challenge
    /// page's "triage this issue" link), and the open ideas a challenge can join. Empty for anyone not on staff.
    /// </summary>
    public async Task<TriageSnapshot> LoadAsync(string? focus = null)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return TriageSnapshot.Empty;
        }

        CallerContextMiddleware.SetCaller(user);

        var open = (await challenges.ListAsync(new ChallengeListQuery(Status: ChallengeStatus.Open, Sort: ChallengeSort.Oldest, PageSize: MaxRows))).Value!;
        var rows = open.Items.Select(TriageView.From).ToList();
        if (focus is not null && rows.All(r => r.Id != focus) && Ids.IsWellFormed(focus)
            && await grains.GetGrain<IChallengeGrain>(focus).GetAsync() is { Status: ChallengeStatus.Open } asked)
        {
            rows.Insert(0, TriageView.From(asked));
        }
        else if (rows.FindIndex(r => r.Id == focus) is > 0 and var at)
        {
            var focused = rows[at];
            rows.RemoveAt(at);
            rows.Insert(0, focused);
        }

        var openIdeas = (await ideas.ListAsync(new IdeaListQuery(Status: IdeaStatus.Open, PageSize: MaxOpenIdeas))).Value!.Items;
        return new TriageSnapshot(rows, Math.Max(open.Total, rows.Count), openIdeas.Select(i => new IdeaOption(i.Id, i.Title, i.Stage)).ToList());
    }

    /// <summary>
    /// The merge targets for <paramref name="challengeId"/> whose title, text or place has the words of
    /// <paramref name="text"/>: the static merge form's search (best supported first; the challenge itself and closed
    /// ones left out, as they cannot take a duplicate). Refused with tooLong or queryTooShort (field "q").
    /// </summary>
    public async Task<CommandResult<IReadOnlyList<MergeCandidate>>> SearchTargetsAsync(string challengeId, string? text)
    {
        // The read model only, no grain: the role is checked, no caller is needed.
        if (await authentication.StaffMemberAsync() is null)
        {
            return CommandResult<IReadOnlyList<MergeCandidate>>.Reject("forbidden");
        }

        var words = (text ?? "").Trim();
        if (words.Length == 0)
        {
            return CommandResult<IReadOnlyList<MergeCandidate>>.Success([]);
        }

        if (words.Length > Api.Lists.ListParameters.MaxQueryLength)
        {
            return new CommandResult<IReadOnlyList<MergeCandidate>>(null, TextRules.Limit("tooLong", "q", Api.Lists.ListParameters.MaxQueryLength));
        }

        var found = await challenges.ListAsync(new ChallengeListQuery(Text: words, Sort: ChallengeSort.Supported, PageSize: MaxCandidates));
        if (!found.Succeeded)
        {
            return new CommandResult<IReadOnlyList<MergeCandidate>>(null, found.Rejection);
        }

        return CommandResult<IReadOnlyList<MergeCandidate>>.Success(found.Value!.Items
            .Where(c => c.Id != challengeId && c.Status is ChallengeStatus.Open or ChallengeStatus.Accepted)
            .Select(c => new MergeCandidate(c.Id, c.Title, c.SupportCount, c.Status))
            .ToList());
    }

    /// <summary>Accepts the challenge as a new idea, or into the open idea <paramref name="ideaId"/>; answers the idea's id.</summary>
    public async Task<CommandResult<string>> AcceptAsync(string challengeId, string? ideaId)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<string>.Reject("forbidden");
        }

        if (!Ids.IsWellFormed(challengeId))
        {
            return CommandResult<string>.Reject("notFound");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IChallengeGrain>(challengeId).AcceptAsync(string.IsNullOrWhiteSpace(ideaId) ? null : ideaId.Trim());
        await CaughtUpAfterAsync(result.Succeeded);
        return result;
    }

    /// <summary>Merges the challenge into <paramref name="intoId"/> (its supporters, followers and comments move there).</summary>
    public async Task<CommandResult> MergeAsync(string challengeId, string? intoId)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult.Reject("forbidden");
        }

        if (!Ids.IsWellFormed(challengeId))
        {
            return CommandResult.Reject("notFound");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IChallengeGrain>(challengeId).MergeAsync(intoId);
        await CaughtUpAfterAsync(result.Succeeded);
        return result;
    }

    /// <summary>Declines the challenge with a public reason (required: the grain refuses an empty one).</summary>
    public async Task<CommandResult> DeclineAsync(string challengeId, string? reason)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult.Reject("forbidden");
        }

        if (!Ids.IsWellFormed(challengeId))
        {
            return CommandResult.Reject("notFound");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IChallengeGrain>(challengeId).DeclineAsync(reason);
        await CaughtUpAfterAsync(result.Succeeded);
        return result;
    }

    /// <summary>Whether <paramref name="rejection"/> says the challenge itself left the queue (decided elsewhere, or gone).</summary>
    public static bool LeftTheQueue(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Field is null && rejection.Code is "notOpen" or "challengeMerged" or "notFound";
    }

    // Lists read the read model: catching up after a decision means the grid's next load, and every list this reader
    // opens next, no longer shows the decided challenge.
    private async Task CaughtUpAfterAsync(bool decided)
    {
        if (decided)
        {
            await projections.CatchUpAsync();
        }
    }
}
