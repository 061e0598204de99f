using System.Globalization;
using System.Text.RegularExpressions;
using LivingLab.Common;

namespace LivingLab.People;

/// <summary>
/// The rules for account fields, as pure functions so the grain and any form can apply the same ones.
/// Every refusal names its field and rule.
/// </summary>
public static partial class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const int MaxDisplayNameLength = 50;
    public const int MaxTokenNameLength = 50;
    public const int MaxPartnerIdLength = 64;

    // Caps the UTF-16 length behind the 50 visible characters, so stacked combining marks cannot make a huge name.
    private const int MaxDisplayNameUtf16 = 400;

    /// <summary>The key of an email in the email index: trimmed and lower-cased, so case never makes a second account.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Checks all three fields of a registration, email first.</summary>
    public static Rejection? CheckRegistration(Registration registration) =>
        CheckEmail(registration.Email) ?? CheckPassword(registration.Password) ?? CheckDisplayName(registration.DisplayName);

    /// <summary>An email address of the usual form, at most 254 characters.</summary>
    public static Rejection? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new Rejection("required", "email");
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaxEmailLength)
        {
            return Limit("tooLong", "email", MaxEmailLength);
        }

        return EmailShape().IsMatch(trimmed) ? null : new Rejection("invalidEmail", "email");
    }

    /// <summary>A password of 10 to 128 characters; kept exactly as typed (spaces count).</summary>
    public static Rejection? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) ? new Rejection("required", "password")
        : password.Length < MinPasswordLength ? Limit("tooShort", "password", MinPasswordLength)
        : password.Length > MaxPasswordLength ? Limit("tooLong", "password", MaxPasswordLength)
        : null;

    /// <summary>A display name of 1 to 50 characters after trimming, without control characters.</summary>
    public static Rejection? CheckDisplayName(string? displayName) => CheckName(displayName, "displayName", MaxDisplayNameLength);

    /// <summary>A token name of 1 to 50 characters after trimming.</summary>
    public static Rejection? CheckTokenName(string? name) => CheckName(name, "name", MaxTokenNameLength);

    private static Rejection? CheckName(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new Rejection("required", field);
        }

        if (trimmed.Length > MaxDisplayNameUtf16 || new StringInfo(trimmed).LengthInTextElements > maxLength)
        {
            return Limit("tooLong", field, maxLength);
        }

        return trimmed.Any(char.IsControl) ? new Rejection("invalidCharacters", field) : null;
    }

    private static Rejection Limit(string code, string field, int limit) =>
        new(code, field, new Dictionary<string, string> { ["limit"] = limit.ToString(CultureInfo.InvariantCulture) });

    // One @, no spaces, a dot inside the domain: strict enough to catch typos, loose enough for real addresses.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailShape();
}
