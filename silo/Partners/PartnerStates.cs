namespace LivingLab.Partners;

/// <summary>Stored state of a partner grain. Version 1; fields may be added, never repurposed.</summary>
public sealed class PartnerState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Null until the partner is created.</summary>
    public string? Name { get; set; }

    public string Description { get; set; } = "";

    public string Website { get; set; } = "";

    /// <summary>Private: shown only to admins and the partner's members, never in lists, exports or events.</summary>
    public string Contact { get; set; } = "";

    public DateTimeOffset? Created { get; set; }
}

/// <summary>Stored state of the partner directory: every partner's public summary, oldest first.</summary>
public sealed class PartnerDirectoryState
{
    public int SchemaVersion { get; set; } = 1;

    public List<PartnerSummaryState> Partners { get; set; } = [];
}

/// <summary>One directory entry: public fields only.</summary>
public sealed class PartnerSummaryState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Website { get; set; } = "";
}
