using System.Text.RegularExpressions;
using System.Xml.Linq;
using LivingLab.Web.Tests.Browser;

namespace LivingLab.Web.Tests.Workshops.Staff;

/// <summary>The staff workshop pages' texts: the same keys in Japanese and English, none empty, and every key the pages ask for exists.</summary>
public sealed partial class WorkshopStaffTextTests
{
    private const string Resource = "Features/Workshops/Staff/WorkshopStaffText";

    [Fact]
    public void Japanese_and_English_have_the_same_keys_and_placeholders_and_none_is_empty()
    {
        var ja = ResourceTexts.Read($"{Resource}.resx");
        var en = ResourceTexts.Read($"{Resource}.en.resx");

        Assert.Empty(ja.Keys.Except(en.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(en.Keys.Except(ja.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(ja.Concat(en).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"empty: {t.Key}"));
        Assert.Empty(ja.Where(t => ResourceTexts.Placeholders(t.Value) != ResourceTexts.Placeholders(en[t.Key])).Select(t => $"placeholders differ: {t.Key}"));
    }

    [Fact]
    public void Every_literal_key_the_pages_ask_for_has_a_text()
    {
        var ja = ResourceTexts.Read($"{Resource}.resx");
        var folder = Path.Combine(BrowserSession.RepositoryRoot(), "web", "Features", "Workshops", "Staff");
        var used = Directory.GetFiles(folder, "*.*").Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !ja.ContainsKey(k)).Select(k => $"no text for: {k}"));
    }

    // T["Key"] and texts["Key"] with a literal key (computed ones, like Done.{done}, are covered by the page tests).
    [GeneratedRegex(@"\b(?:T|texts)\[""([A-Za-z.]+)""")]
    private static partial Regex Key();
}
