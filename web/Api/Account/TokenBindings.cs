using System.Collections.Concurrent;
using LivingLab.People;

namespace LivingLab.Web.Api.Account;

/// <summary>
/// Remembers, per web node, which person's token a token hash points at, so a request signed with a personal access
/// token makes one grain call to authenticate (the owner's, which checks revocation) instead of two. Safe to keep:
/// a bound hash is never rebound, and an unbound one belongs to a revoked token, which the owner's grain refuses.
/// </summary>
public sealed class TokenBindings(IGrainFactory grains)
{
    // Enough for every active integration of a town; past it the map starts again rather than grow without bound.
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, TokenBinding> known = new(StringComparer.Ordinal);

    /// <summary>Where the token with this hash points, or null when no token has it.</summary>
    public async Task<TokenBinding?> FindAsync(string hash)
    {
        if (known.TryGetValue(hash, out var binding))
        {
            return binding;
        }

        binding = await grains.GetGrain<ITokenIndexGrain>(hash).Get();
        if (binding is not null)
        {
            if (known.Count >= Capacity)
            {
                known.Clear();
            }

            known[hash] = binding;
        }

        return binding;
    }
}
