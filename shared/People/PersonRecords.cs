namespace LivingLab.People;

/// <summary>What others may see of a person: never the email or anything secret.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PersonProfile")]
public sealed record PersonProfile(string Id, string DisplayName, IReadOnlyList<string> Roles, string? PartnerId)
{
    /// <summary>Whether the person holds <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    // Compares roles by content: two reads of one unchanged account are equal.
    public bool Equals(PersonProfile? other) =>
        other is not null && Id == other.Id && DisplayName == other.DisplayName && PartnerId == other.PartnerId
        && Roles.SequenceEqual(other.Roles);

    public override int GetHashCode() => HashCode.Combine(Id, DisplayName, PartnerId, Roles.Count);
}

/// <summary>What someone signs up with. The password is hashed on arrival and never stored or logged as given.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.Registration")]
public sealed record Registration(string Email, string Password, string DisplayName)
{
    // A record's generated ToString would print the password into any log that formats this object.
    public override string ToString() => $"Registration {{ DisplayName = {DisplayName} }}";
}

/// <summary>A personal access token as its owner sees it in a list: no secret, only its name and use.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.AccessTokenInfo")]
public sealed record AccessTokenInfo(string Id, string Name, DateTimeOffset Created, DateTimeOffset? LastUsed, bool Revoked);

/// <summary>A token just created: <see cref="Token"/> is shown this once and is not stored anywhere.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.CreatedAccessToken")]
public sealed record CreatedAccessToken(AccessTokenInfo Info, string Token)
{
    // Keeps the secret out of logs that format this object.
    public override string ToString() => $"CreatedAccessToken {{ Info = {Info} }}";
}

/// <summary>Where a token hash points: its owner and the token's id in the owner's list.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.TokenBinding")]
public sealed record TokenBinding(string PersonId, string TokenId);

/// <summary>How people who no longer have an account are shown.</summary>
public static class FormerMember
{
    /// <summary>退会したユーザー: the Japanese label.</summary>
    public const string DisplayNameJa = "退会したユーザー";

    /// <summary>The English label.</summary>
    public const string DisplayNameEn = "former member";
}
