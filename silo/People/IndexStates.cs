namespace LivingLab.People;

/// <summary>Stored state of an email index grain: the owner of the email, if any.</summary>
public sealed class EmailIndexState
{
    public int SchemaVersion { get; set; } = 1;

    public string? PersonId { get; set; }
}

/// <summary>Stored state of a token index grain: the token this hash belongs to, if any.</summary>
public sealed class TokenIndexState
{
    public int SchemaVersion { get; set; } = 1;

    public string? PersonId { get; set; }

    public string? TokenId { get; set; }
}
