using System.Security.Cryptography;
using System.Text;

namespace LivingLab.People;

/// <summary>Makes personal access tokens and the hash they are stored and looked up by.</summary>
public static class AccessTokens
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise in a scan of logs or code.</summary>
    public const string Prefix = "llpat_";

    /// <summary>A new secret token: 32 random bytes, base64url.</summary>
    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of the token: the only form in which a token is kept.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of a token (cheap check before any lookup).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 6 and < 100 } && token.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
