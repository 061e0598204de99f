using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Workshops.Board;

/// <summary>
/// One room code and the workshop whose open session holds it. Not reentrant: two boards claiming one code at once queue
/// here, so exactly one gets it and the other draws another code.
/// </summary>
public sealed class RoomCodeGrain([EventedState("roomcode")] IEventedState<RoomCodeState> state) : Grain, IRoomCodeGrain
{
    private static bool CallerFacilitates => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    public async Task<CommandResult<bool>> ClaimAsync(string workshopId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workshopId);
        if (!CallerFacilitates)
        {
            return CommandResult<bool>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated");
        }

        if (state.State.WorkshopId is { } holder)
        {
            return CommandResult<bool>.Success(holder == workshopId);
        }

        state.State.WorkshopId = workshopId;
        await state.WriteStateAsync([new DomainEvent("RoomCodeClaimed", new { WorkshopId = workshopId }, Caller.Id)]);
        return CommandResult<bool>.Success(true);
    }

    public async Task<CommandResult> ReleaseAsync(string workshopId)
    {
        if (!CallerFacilitates)
        {
            return CommandResult.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated");
        }

        if (state.State.WorkshopId == workshopId)
        {
            state.State.WorkshopId = null;
            await state.WriteStateAsync([new DomainEvent("RoomCodeReleased", new { WorkshopId = workshopId }, Caller.Id)]);
        }

        return CommandResult.Ok;
    }

    public Task<string?> GetWorkshopIdAsync() => Task.FromResult(state.State.WorkshopId);
}

/// <summary>Stored state of a room code. Version 1: which workshop holds it, null when free.</summary>
public sealed class RoomCodeState
{
    public int SchemaVersion { get; set; } = 1;

    public string? WorkshopId { get; set; }
}
