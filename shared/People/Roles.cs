namespace LivingLab.People;

/// <summary>The role codes an account can hold; every account is a resident.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Facilitator = "facilitator";
    public const string Partner = "partner";
    public const string Admin = "admin";

    /// <summary>Every known role, in the order they are shown.</summary>
    public static IReadOnlyList<string> All { get; } = [Resident, Facilitator, Partner, Admin];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
