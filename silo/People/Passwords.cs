using Microsoft.AspNetCore.Identity;

namespace LivingLab.People;

/// <summary>Password hashing with ASP.NET Core Identity's PasswordHasher (PBKDF2-HMAC-SHA512, per-hash salt).</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<PersonState> Hasher = new();

    // The hasher ignores the user object; one instance stands in for it.
    private static readonly PersonState Anyone = new();

    // Verifying against a real hash for unknown emails costs the same time as for known ones, so timing
    // does not tell an attacker which emails have accounts.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Anyone, Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(Anyone, password);

    /// <summary>Whether the password matches; <paramref name="rehashed"/> is set when the hash should be upgraded.</summary>
    public static bool Verify(string hash, string password, out string? rehashed)
    {
        var result = Hasher.VerifyHashedPassword(Anyone, hash, password);
        rehashed = result == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password) : null;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of one verification without checking anything.</summary>
    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword(Anyone, DecoyHash.Value, password);
}
