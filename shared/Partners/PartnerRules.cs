using System.Globalization;
using System.Security.Cryptography;
using LivingLab.Common;

namespace LivingLab.Partners;

/// <summary>The rules for partner fields, as pure functions so the grain and any form apply the same ones.</summary>
public static class PartnerRules
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 5_000;
    public const int MaxWebsiteLength = 2_000;
    public const int MaxContactLength = 200;

    // Caps the UTF-16 length behind the visible characters, so stacked combining marks cannot make a huge name.
    private const int MaxNameUtf16 = 800;

    /// <summary>A fresh partner id: 12 random bytes as hex, so ids reveal nothing and cannot be guessed.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>
    /// The id a create with an idempotency key gets: the same person repeating the same key (a double submit, a retry
    /// after a timeout) reaches the same partner grain, which refuses a second creation.
    /// </summary>
    public static string IdFor(string personId, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{personId}\n{idempotencyKey}")))[..24];

    /// <summary>Checks every field, in the order a form shows them; the refusal names the field and the rule.</summary>
    public static Rejection? Check(PartnerInput input) =>
        CheckName(input.Name) ?? CheckDescription(input.Description) ?? CheckWebsite(input.Website) ?? CheckContact(input.Contact);

    /// <summary>The input as stored: trimmed, with empty optional fields as "".</summary>
    public static PartnerInput Normalize(PartnerInput input) => new(
        input.Name?.Trim() ?? "",
        input.Description?.Trim() ?? "",
        input.Website?.Trim() ?? "",
        input.Contact?.Trim() ?? "");

    /// <summary>A name of 1 to 100 characters after trimming, without control characters.</summary>
    public static Rejection? CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new Rejection("required", "name");
        }

        if (trimmed.Length > MaxNameUtf16 || new StringInfo(trimmed).LengthInTextElements > MaxNameLength)
        {
            return Limit("tooLong", "name", MaxNameLength);
        }

        return trimmed.Any(char.IsControl) ? new Rejection("invalidCharacters", "name") : null;
    }

    /// <summary>A Markdown description of at most 5,000 characters; may be empty. Line breaks are allowed.</summary>
    public static Rejection? CheckDescription(string? description) =>
        (description?.Trim().Length ?? 0) > MaxDescriptionLength ? Limit("tooLong", "description", MaxDescriptionLength) : null;

    /// <summary>Empty, or an absolute http(s) URL of at most 2,000 characters.</summary>
    public static Rejection? CheckWebsite(string? website)
    {
        var trimmed = website?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxWebsiteLength)
        {
            return Limit("tooLong", "website", MaxWebsiteLength);
        }

        // Only http(s): a javascript: or data: "website" would become a link on the partner's page.
        var ok = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            && !trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
        return ok ? null : new Rejection("invalidUrl", "website");
    }

    /// <summary>An email address or phone number as free text, at most 200 characters, on one line; may be empty.</summary>
    public static Rejection? CheckContact(string? contact)
    {
        var trimmed = contact?.Trim() ?? "";
        if (trimmed.Length > MaxContactLength)
        {
            return Limit("tooLong", "contact", MaxContactLength);
        }

        return trimmed.Any(char.IsControl) ? new Rejection("invalidCharacters", "contact") : null;
    }

    private static Rejection Limit(string code, string field, int limit) =>
        new(code, field, new Dictionary<string, string> { ["limit"] = limit.ToString(CultureInfo.InvariantCulture) });
}
