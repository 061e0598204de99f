using System.Text.RegularExpressions;
using System.Xml.Linq;
using LivingLab.Web.Tests.Browser;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>Reads a resx file of the web project as key → text, and the {0}-style placeholders a text holds.</summary>
internal static class ResourceTexts
{
    /// <summary>The texts of <paramref name="file"/>, a path under web/Resources.</summary>
    public static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(BrowserSession.RepositoryRoot(), "web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The placeholders of <paramref name="text"/>, sorted, as one string to compare.</summary>
    public static string Placeholders(string text) =>
        string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
