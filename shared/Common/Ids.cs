using System.Security.Cryptography;
using System.Text;

namespace LivingLab.Common;

/// <summary>Ids of things people create (challenges, ideas, comments): random, URL-safe, and revealing nothing.</summary>
public static class Ids
{
    /// <summary>A fresh id: 8 random bytes as 16 lower-case hex characters.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// The id a create with an idempotency key gets: the same person repeating the same key (a double submit, a retry
    /// after a timeout) reaches the same grain, which refuses a second creation with "alreadyExists".
    /// </summary>
    public static string For(string kind, string personId, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{personId}\n{idempotencyKey}")))[..16];

    /// <summary>Whether <paramref name="id"/> looks like an id (1–64 characters of [a-z0-9-]), before any grain is asked.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
