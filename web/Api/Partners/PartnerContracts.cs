using System.Text.Json.Serialization;
using LivingLab.Partners;

namespace LivingLab.Web.Api.Partners;

/// <summary>Body of <c>POST /api/partners</c> and <c>PUT /api/partners/{id}</c>.</summary>
public sealed record PartnerRequest(string? Name, string? Description, string? Website, string? Contact)
{
    /// <summary>The grain's input.</summary>
    public PartnerInput ToInput() => new(Name, Description, Website, Contact);

    // The contact is private: keep it out of request logs.
    public override string ToString() => $"PartnerRequest {{ Name = {Name} }}";
}

/// <summary>A partner in a list: public fields only, never the contact.</summary>
public sealed record PartnerListItem(string Id, string Name, string Description, string Website)
{
    public static PartnerListItem From(PartnerSummary summary) => new(summary.Id, summary.Name, summary.Description, summary.Website);
}

/// <summary>One partner: <see cref="Contact"/> is present only for admins and the partner's own members.</summary>
public sealed record PartnerResponse(
    string Id,
    string Name,
    string Description,
    string Website,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Contact)
{
    public static PartnerResponse From(PartnerDetails details) =>
        new(details.Id, details.Name, details.Description, details.Website, details.Contact);
}
