namespace LivingLab.People;

/// <summary>Stored state of a person grain. Version 1; fields may be added, never repurposed.</summary>
public sealed class PersonState
{
    public int SchemaVersion { get; set; } = 1;

    public string? DisplayName { get; set; }

    /// <summary>As typed at sign-up (trimmed). Private: only this grain holds it.</summary>
    public string? Email { get; set; }

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2, salted).</summary>
    public string? PasswordHash { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? PartnerId { get; set; }

    public DateTimeOffset? Created { get; set; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public List<AccessTokenState> Tokens { get; set; } = [];
}

/// <summary>A stored personal access token: its hash, never the token.</summary>
public sealed class AccessTokenState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? LastUsed { get; set; }

    public DateTimeOffset? Revoked { get; set; }
}
