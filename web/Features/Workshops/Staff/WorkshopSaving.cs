using LivingLab.Common;
using LivingLab.Web.Api;
using LivingLab.Workshops;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>The saved workshop's id, or the refusals (each with the field it concerns, or none).</summary>
public sealed record WorkshopSaveOutcome(string? WorkshopId, IReadOnlyList<Rejection> Refusals)
{
    /// <summary>Each refusal's message in the current language, keyed by its field ("" for one that names no field).</summary>
    public Dictionary<string, string> Messages(IStringLocalizer problems) => WorkshopMessages.Of(Refusals, problems);
}

/// <summary>Refusals as the staff forms show them: one message per field, in the page's language.</summary>
public static class WorkshopMessages
{
    /// <summary>Each refusal's message keyed by its field ("" for one that names no field); the first per field wins.</summary>
    public static Dictionary<string, string> Of(IEnumerable<Rejection> refusals, IStringLocalizer problems)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var refusal in refusals)
        {
            messages.TryAdd(refusal.Field ?? "", ProblemText.Describe(problems, refusal));
        }

        return messages;
    }
}

/// <summary>
/// Creating and editing a workshop from the form, for the plain post and the island alike. A new workshop's id comes
/// from the form's key as the API's Idempotency-Key does (<c>Ids.For("workshop", person, key)</c>): a double click or a
/// resent form reaches the same grain, which refuses a second creation, and the facilitator lands on the first one.
/// </summary>
public static class WorkshopSaving
{
    /// <summary>Creates the workshop as the caller already set in the call context (the request's middleware or a façade).</summary>
    public static async Task<WorkshopSaveOutcome> CreateAsync(IGrainFactory grains, string personId, WorkshopFormInput form)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(form);
        var problems = form.Check();
        if (problems.Count > 0)
        {
            return new WorkshopSaveOutcome(null, [.. problems.Values]);
        }

        var id = Ids.For("workshop", personId, form.HasUsableKey ? form.Key! : Ids.New());
        var grain = grains.GetGrain<IWorkshopGrain>(id);
        var result = await grain.CreateAsync(form.ToInput());
        if (result.Succeeded)
        {
            return new WorkshopSaveOutcome(id, []);
        }

        // The same form sent twice: the first post made it, so this one goes there too.
        if (result.Rejection!.Code == "alreadyExists" && await grain.GetAsync() is { } existing && existing.CreatedBy == personId)
        {
            return new WorkshopSaveOutcome(existing.Id, []);
        }

        return new WorkshopSaveOutcome(null, [result.Rejection]);
    }

    /// <summary>Saves the edited workshop as the caller already set in the call context.</summary>
    public static async Task<WorkshopSaveOutcome> EditAsync(IGrainFactory grains, string workshopId, WorkshopFormInput form)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(form);
        var problems = form.Check();
        if (problems.Count > 0)
        {
            return new WorkshopSaveOutcome(null, [.. problems.Values]);
        }

        var result = await grains.GetGrain<IWorkshopGrain>(workshopId).EditAsync(form.ToInput());
        return result.Succeeded ? new WorkshopSaveOutcome(workshopId, []) : new WorkshopSaveOutcome(null, [result.Rejection!]);
    }
}
