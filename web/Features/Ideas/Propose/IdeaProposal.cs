using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Web.Api;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Ideas.Propose;

/// <summary>The new idea's id, or the refusals (each with the field it concerns, or none).</summary>
public sealed record IdeaProposalOutcome(string? IdeaId, IReadOnlyList<Rejection> Refusals)
{
    /// <summary>Each refusal's message in the current language, keyed by its field ("" for one that names no field).</summary>
    public Dictionary<string, string> Messages(IStringLocalizer problems)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var refusal in Refusals)
        {
            messages.TryAdd(refusal.Field ?? "", ProblemText.Describe(problems, refusal));
        }

        return messages;
    }
}

/// <summary>
/// Proposing an idea from the form, for the plain post and the island alike. The id comes from the form's key as the
/// API's Idempotency-Key does (<c>Ids.For("idea", person, key)</c>): a double click or a resent form reaches the same
/// grain, which refuses a second creation, and the person lands on the idea the first post created.
/// </summary>
public static class IdeaProposal
{
    /// <summary>
    /// Checks every field, then proposes as the caller already set in the call context (the request's middleware or the
    /// façade's method that awaits this).
    /// </summary>
    public static async Task<IdeaProposalOutcome> ProposeAsync(IGrainFactory grains, string personId, ProposeIdeaInput form)
    {
        var problems = form.Check();
        if (problems.Count > 0)
        {
            return new IdeaProposalOutcome(null, [.. problems.Values]);
        }

        var id = Ids.For("idea", personId, form.HasUsableKey ? form.Key! : Ids.New());
        var grain = grains.GetGrain<IIdeaGrain>(id);
        var result = await grain.ProposeAsync(form.ToInput());
        if (result.Succeeded)
        {
            return new IdeaProposalOutcome(id, []);
        }

        // The same form sent twice: the first post made it, so this one goes there too.
        if (result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing && existing.CreatedBy == personId)
        {
            return new IdeaProposalOutcome(existing.Id, []);
        }

        return new IdeaProposalOutcome(null, [result.Rejection]);
    }
}
