using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.People;

/// <summary>One grain per token hash (see <see cref="AccessTokens.Hash"/>), pointing to the token's owner.</summary>
[Alias("ll.ITokenIndexGrain")]
public interface ITokenIndexGrain : IGrainWithStringKey
{
    /// <summary>Points this hash at a person's token; only that person may, and a bound hash is never rebound.</summary>
    [Alias("Bind")]
    Task<CommandResult> Bind(TokenBinding binding);

    /// <summary>Where this hash points, or null.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<TokenBinding?> Get();

    /// <summary>Forgets the hash; only its owner or an admin may.</summary>
    [Alias("Unbind")]
    Task<CommandResult> Unbind();
}
