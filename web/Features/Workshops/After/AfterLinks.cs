namespace LivingLab.Web.Features.Workshops.After;

/// <summary>Addresses of the after-the-workshop pages and files (relative to the site root).</summary>
public static class AfterLinks
{
    /// <summary>The facilitators' record page: minutes, recording link and the feedback results.</summary>
    public static string Record(string id) => Staff.WorkshopStaffLinks.Record(id);

    /// <summary>The board's public view as open data (extension "csv" or "json").</summary>
    public static string Board(string id, string extension) => $"api/workshops/{Uri.EscapeDataString(id)}/board.{extension}";

    /// <summary>Every workshop as open data (extension "csv" or "json").</summary>
    public static string Workshops(string extension) => $"api/export/workshops.{extension}";
}
