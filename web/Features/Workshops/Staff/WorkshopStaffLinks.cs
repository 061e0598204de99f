namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>The facilitators' workshop pages, and the public workshop page a saved form lands on (relative to the site root).</summary>
public static class WorkshopStaffLinks
{
    public const string New = "workshops/new";

    /// <summary>The public list of workshops.</summary>
    public const string List = "workshops";

    /// <summary>The workshop's public page, where a created or edited workshop, or a new poll, lands.</summary>
    public static string Page(string id) => $"workshops/{Uri.EscapeDataString(id)}";

    public static string Edit(string id) => $"workshops/{Uri.EscapeDataString(id)}/edit";

    public static string Registrations(string id) => $"workshops/{Uri.EscapeDataString(id)}/registrations";

    public static string NewPoll(string id) => $"workshops/{Uri.EscapeDataString(id)}/poll/new";

    /// <summary>Minutes, recording link and feedback results, once the workshop has taken place.</summary>
    public static string Record(string id) => $"workshops/{Uri.EscapeDataString(id)}/record";
}
