using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.ReadModel;
using Orleans;
using LivingLab.Web.Api;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Challenges;

/// <summary>The new challenge's id, or each field's message (the key "" for a refusal that names no field).</summary>
public sealed record ChallengeSubmissionOutcome(string? ChallengeId, Dictionary<string, string> Errors);

/// <summary>
/// Posting a challenge from a form, for residents and (on behalf of someone) for staff. The id comes from the form's key,
/// as the API's Idempotency-Key does: a double click or a resent form reaches the same grain, which refuses a second
/// creation, and the person lands on the challenge the first post created.
/// </summary>
public static class ChallengeSubmission
{
    /// <summary>Checks every field, posts, and makes the lists show the new challenge before the redirect.</summary>
    public static async Task<ChallengeSubmissionOutcome> SubmitAsync(
        HttpContext context, IGrainFactory grains, ProjectionRunner projections, IStringLocalizer texts, string personId, ChallengeFormInput form, bool proxy)
    {
        var problems = form.Check(out var input);
        ProxyEntryInput? entry = null;
        if (proxy)
        {
            var proxyProblems = form.CheckProxy(out var checkedEntry);
            entry = checkedEntry;
            foreach (var (field, rejection) in proxyProblems)
            {
                problems.TryAdd(field, rejection);
            }
        }

        if (problems.Count > 0)
        {
            return Refused(context, texts, problems.Values);
        }

        var key = form.HasUsableKey ? form.Key! : Ids.New();
        var id = Ids.For("challenge", personId, key);
        var grain = grains.GetGrain<IChallengeGrain>(id);
        var result = proxy ? await grain.SubmitOnBehalfAsync(input, entry!) : await grain.SubmitAsync(input);
        if (!result.Succeeded)
        {
            // The same form sent twice: the first post made it, so this one simply goes there too.
            if (result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing && existing.AuthorId == personId)
            {
                return new ChallengeSubmissionOutcome(existing.Id, []);
            }

            return Refused(context, texts, [result.Rejection]);
        }

        await projections.CatchUpAsync(context.RequestAborted);
        return new ChallengeSubmissionOutcome(id, []);
    }

    private static ChallengeSubmissionOutcome Refused(HttpContext context, IStringLocalizer texts, IEnumerable<Rejection> rejections)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = default(Rejection);
        foreach (var rejection in rejections)
        {
            first ??= rejection;
            errors.TryAdd(rejection.Field ?? "", ProblemText.Describe(texts, rejection));
        }

        LivingLab.Web.Api.Problems.SetPageStatus(context, first!.Code);
        return new ChallengeSubmissionOutcome(null, errors);
    }
}
