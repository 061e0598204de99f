using System.Text.RegularExpressions;
using System.Xml.Linq;
using LivingLab.Web.Tests.Browser;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>The public workshop pages' texts: every key in Japanese and English, none empty, the same placeholders.</summary>
public sealed partial class WorkshopTextResourceTests
{
    [Fact]
    public void Japanese_and_English_texts_have_the_same_keys_and_placeholders_and_none_is_empty()
    {
        var ja = Texts("WorkshopsText.resx");
        var en = Texts("WorkshopsText.en.resx");

        Assert.Empty(ja.Keys.Except(en.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(en.Keys.Except(ja.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(ja.Concat(en).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"empty: {t.Key}"));
        Assert.Empty(ja.Where(t => Placeholders(t.Value) != Placeholders(en[t.Key])).Select(t => $"placeholders differ: {t.Key}"));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(BrowserSession.RepositoryRoot(), "web", "Resources", "Features", "Workshops", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
