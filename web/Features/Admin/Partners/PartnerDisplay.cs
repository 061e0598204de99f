using System.Globalization;

namespace LivingLab.Web.Features.Admin.Partners;

/// <summary>How the admin's partner list shows a website and a description, the same in the plain table and the island.</summary>
public static class PartnerDisplay
{
    /// <summary>The website's host, or the text as stored when it is not an absolute address.</summary>
    public static string Host(string website) => Uri.TryCreate(website, UriKind.Absolute, out var uri) ? uri.Host : website;

    /// <summary>The start of the description as plain text; the partner's page renders the whole of it.</summary>
    public static string Excerpt(string description)
    {
        var text = new StringInfo(description.ReplaceLineEndings(" ").Trim());
        return text.LengthInTextElements <= 80 ? text.String : text.SubstringByTextElements(0, 80) + "…";
    }
}
