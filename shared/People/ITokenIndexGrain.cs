using LivingLab.Common;
using LivingLab.Runtime;

namespace LivingLab.People;

/// <summary>One grain per token hash (see <see cref="AccessTokens.Hash"/>), pointing to the token's owner.</summary>
public interface ITokenIndexGrain : IGrainWithStringKey
{
    /// <summary>Points this hash at a person's token; only that person may, and a bound hash is never rebound.</summary>
    Task<CommandResult> Bind(TokenBinding binding);

    /// <summary>Where this hash points, or null.</summary>
    [ReadOnly]
    Task<TokenBinding?> Get();

    /// <summary>Forgets the hash; only its owner or an admin may.</summary>
    Task<CommandResult> Unbind();
}
