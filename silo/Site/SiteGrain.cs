using LivingLab.Common;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Site;

/// <summary>Holds the town's name and welcome text; every change is an event.</summary>
public sealed class SiteGrain([EventedState("site")] IEventedState<SiteState> state) : Grain, ISiteGrain
{
    private const int MaxNameLength = 60;
    private const int MaxWelcomeLength = 500;

    public Task<SiteInfo> GetInfo() => Task.FromResult(state.State.Info ?? SiteInfo.Default);

    public async Task<CommandResult> Update(SiteInfo info, string actorId)
    {
        var problem = Check(info.TownNameJa, nameof(info.TownNameJa), MaxNameLength)
            ?? Check(info.TownNameEn, nameof(info.TownNameEn), MaxNameLength)
            ?? Check(info.WelcomeJa, nameof(info.WelcomeJa), MaxWelcomeLength)
            ?? Check(info.WelcomeEn, nameof(info.WelcomeEn), MaxWelcomeLength);
        if (problem is not null)
        {
            return problem;
        }

        var previous = state.State.Info;
        state.State.Info = info;
        try
        {
            await state.WriteStateAsync([new DomainEvent("SiteUpdated", info, actorId)]);
        }
        catch
        {
            state.State.Info = previous;
            throw;
        }

        return CommandResult.Ok;
    }

    private static CommandResult? Check(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? CommandResult.Reject("required", field)
        : value.Length > maxLength ? CommandResult.Reject("tooLong", field)
        : null;
}
