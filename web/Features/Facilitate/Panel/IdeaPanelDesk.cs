using System.Security.Claims;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Partners;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Timeline;
using LivingLab.Web.Api;
using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>What the idea panel's islands ask of the idea's grain, always as the circuit's signed-in staff member.</summary>
public sealed class IdeaPanelDesk(IGrainFactory grains, ProjectionRunner projections, TimelineQueries timelines, AuthenticationStateProvider authentication)
{
    // How many of the idea's latest timeline entries are searched for its recent decisions, and how many are shown.
    private const int DecisionWindow = 50;
    private const int DecisionsShown = 3;

    /// <summary>The idea with the names its applications and measurements mention; null when gone or the reader is not staff.</summary>
    public async Task<PanelSnapshot?> LoadAsync(string ideaId)
    {
        if (await authentication.StaffMemberAsync() is not { } user || !Ids.IsWellFormed(ideaId))
        {
            return null;
        }

        CallerContextMiddleware.SetCaller(user);
        var idea = await grains.GetGrain<IIdeaGrain>(ideaId).GetAsync();
        return idea is null ? null : await SnapshotAsync(idea);
    }

    /// <summary>Rewords the idea (title, Markdown summary, category); a refusal is the result.</summary>
    public async Task<CommandResult<IdeaDetails>> RewordAsync(string ideaId, IdeaInput input)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<IdeaDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IIdeaGrain>(ideaId).EditAsync(input);
        return await CaughtUpAsync(result);
    }

    /// <summary>Adds a KPI; numbers come as typed (see <see cref="KpiNumbers"/>), so a bad one is refused like the grain refuses.</summary>
    public async Task<CommandResult<Kpi>> AddKpiAsync(string ideaId, string? name, string? unit, string? baseline, string? target)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<Kpi>.Reject("forbidden");
        }

        if (KpiNumbers.Parse(baseline, "baseline", out var from) is { } badBaseline)
        {
            return new CommandResult<Kpi>(null, badBaseline);
        }

        if (KpiNumbers.Parse(target, "target", out var to) is { } badTarget)
        {
            return new CommandResult<Kpi>(null, badTarget);
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await grains.GetGrain<IIdeaGrain>(ideaId).AddKpiAsync(new KpiInput(name, unit, from, to)));
    }

    /// <summary>Records a measurement of one KPI; the value as typed, the date as yyyy-MM-dd (empty is today).</summary>
    public async Task<CommandResult<RecordedMeasurement>> RecordMeasurementAsync(string ideaId, string? kpiId, string? value, DateOnly? date, string? note)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<RecordedMeasurement>.Reject("forbidden");
        }

        if (KpiNumbers.Parse(value, "value", out var number) is { } badValue)
        {
            return new CommandResult<RecordedMeasurement>(null, badValue);
        }

        CallerContextMiddleware.SetCaller(user);
        var input = new MeasurementInput(number, date, string.IsNullOrWhiteSpace(note) ? null : note);
        return await CaughtUpAsync(await grains.GetGrain<IIdeaGrain>(ideaId).RecordMeasurementAsync(kpiId ?? "", input));
    }

    /// <summary>Accepts or (with a reason) declines a partner company's application.</summary>
    public async Task<CommandResult<PartnerApplication>> DecideApplicationAsync(string ideaId, string applicationId, bool accept, string? reason)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<PartnerApplication>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        var result = await grains.GetGrain<IIdeaGrain>(ideaId).DecideApplicationAsync(applicationId, accept, accept ? null : reason);
        return await CaughtUpAsync(result);
    }

    /// <summary>Closes the idea as declined or on hold with its public reason; a refusal (required, sameStatus…) is the result.</summary>
    public async Task<CommandResult<IdeaDetails>> CloseAsync(string ideaId, IdeaStatus status, string? reason)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<IdeaDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await grains.GetGrain<IIdeaGrain>(ideaId).CloseAsync(status, reason));
    }

    /// <summary>Reopens a closed idea in the stage it is in: a move to that stage, with a rationale like every move.</summary>
    public async Task<CommandResult<IdeaDetails>> ReopenAsync(string ideaId, Stage stage, string? rationale)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<IdeaDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await grains.GetGrain<IIdeaGrain>(ideaId).AdvanceAsync(new AdvanceInput(stage, rationale, [])));
    }

    /// <summary>Names who runs the pilot: the town or a partner company accepted on the idea.</summary>
    public async Task<CommandResult<IdeaDetails>> SetOperatorAsync(string ideaId, IdeaOperator op)
    {
        if (await authentication.StaffMemberAsync() is not { } user)
        {
            return CommandResult<IdeaDetails>.Reject("forbidden");
        }

        CallerContextMiddleware.SetCaller(user);
        return await CaughtUpAsync(await grains.GetGrain<IIdeaGrain>(ideaId).SetOperatorAsync(op));
    }

    // Lists (the queue, the public idea list) read the read model: catching up means the next page this reader opens shows it.
    private async Task<CommandResult<T>> CaughtUpAsync<T>(CommandResult<T> result)
    {
        if (result.Succeeded)
        {
            await projections.CatchUpAsync();
        }

        return result;
    }

    private async Task<PanelSnapshot> SnapshotAsync(IdeaDetails idea)
    {
        var partners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (idea.Applications.Count > 0 || idea.AcceptedPartnerIds.Count > 0 || idea.Operator.Kind == OperatorKind.Partner)
        {
            foreach (var partner in await grains.GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List())
            {
                partners[partner.Id] = partner.Name;
            }
        }

        var decisions = await DecisionsAsync(idea.Id);
        var ids = idea.Applications.Select(a => a.ApplicantId).Concat(idea.Measurements.Select(m => m.RecordedBy))
            .Concat(decisions.Select(d => d.ActorId).OfType<string>()).Distinct().ToList();
        var names = new PersonNames(grains).Prefetch(ids);
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            people[id] = (await names.Get(id)).DisplayName;
        }

        return new PanelSnapshot(idea, partners, people, decisions);
    }

    // The latest stage moves, closings and operator choices from the public timeline (read model, caught up after each
    // command here), so the panel shows the entry a decision just wrote exactly as the public page will.
    private async Task<IReadOnlyList<TimelineEntry>> DecisionsAsync(string ideaId)
    {
        var page = await timelines.ForIdeaAsync(ideaId, 1, DecisionWindow);
        if (page is null)
        {
            return [];
        }

        if (page.Total > DecisionWindow)
        {
            page = await timelines.ForIdeaAsync(ideaId, (page.Total + DecisionWindow - 1) / DecisionWindow, DecisionWindow) ?? page;
        }

        return page.Items.Where(e => e.EventType is IdeaEvents.Advanced or IdeaEvents.Closed or IdeaEvents.OperatorSet).TakeLast(DecisionsShown).ToList();
    }
}
