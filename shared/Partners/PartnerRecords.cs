namespace LivingLab.Partners;

/// <summary>What an admin sends to create or update a partner organisation; every field is checked by <see cref="PartnerRules"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PartnerInput")]
public sealed record PartnerInput(string? Name, string? Description, string? Website, string? Contact)
{
    // The contact is private: keep it out of any log that formats this object.
    public override string ToString() => $"PartnerInput {{ Name = {Name} }}";
}

/// <summary>What anyone may see of a partner organisation: never the contact.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PartnerSummary")]
public sealed record PartnerSummary(string Id, string Name, string Description, string Website);

/// <summary>
/// A partner organisation as one caller sees it: <see cref="Contact"/> is null unless the caller is an admin or a member
/// of this partner.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.PartnerDetails")]
public sealed record PartnerDetails(string Id, string Name, string Description, string Website, string? Contact)
{
    /// <summary>The public part.</summary>
    public PartnerSummary Summary => new(Id, Name, Description, Website);

    // The contact is private: keep it out of any log that formats this object.
    public override string ToString() => $"PartnerDetails {{ Id = {Id}, Name = {Name} }}";
}
