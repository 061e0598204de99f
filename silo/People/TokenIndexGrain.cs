using LivingLab.Common;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.People;

/// <summary>Maps one token hash to its owner, so a bearer token is found with one keyed lookup.</summary>
public sealed class TokenIndexGrain([PersistentState("token", LivingLabGrainStorage.Name)] IPersistentState<TokenIndexState> state) : Grain, ITokenIndexGrain
{
    public async Task<CommandResult> Bind(TokenBinding binding)
    {
        if (!Caller.Is(binding.PersonId))
        {
            return CommandResult.Reject("forbidden");
        }

        if (state.State.PersonId is not null)
        {
            return CommandResult.Reject("alreadyExists");
        }

        state.State.PersonId = binding.PersonId;
        state.State.TokenId = binding.TokenId;
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public Task<TokenBinding?> Get() =>
        Task.FromResult(state.State is { PersonId: { } person, TokenId: { } token } ? new TokenBinding(person, token) : null);

    public async Task<CommandResult> Unbind()
    {
        if (state.State.PersonId is not { } owner)
        {
            return CommandResult.Ok;
        }

        if (!Caller.Is(owner) && !Caller.IsAdmin)
        {
            return CommandResult.Reject("forbidden");
        }

        await state.ClearStateAsync();

        state.State = new TokenIndexState();
        return CommandResult.Ok;
    }
}
