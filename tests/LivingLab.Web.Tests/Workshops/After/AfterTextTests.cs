using System.Text.RegularExpressions;
using System.Xml.Linq;
using LivingLab.Web.Tests.Browser;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>The after-the-workshop texts: the same keys in Japanese and English, none empty, and every literal key asked for exists.</summary>
public sealed partial class AfterTextTests
{
    private const string Resource = "Features/Workshops/After/AfterText";

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
        var web = Path.Combine(BrowserSession.RepositoryRoot(), "web");
        var own = Directory.GetFiles(Path.Combine(web, "Features", "Workshops", "After"))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => OwnKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        var borrowed = new[] { Path.Combine(web, "Features", "Workshops", "WorkshopPage.razor"), Path.Combine(web, "Features", "Workshops", "Staff", "WorkshopStaffHead.razor"),
                               Path.Combine(web, "Components", "Layout", "MainLayout.razor") }
            .SelectMany(f => BorrowedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        var used = own.Concat(borrowed).Distinct(StringComparer.Ordinal).ToList();

        Assert.Contains("Nav.Record", used);
        Assert.Contains("Draft.Round", used);
        Assert.Empty(used.Where(k => !ja.ContainsKey(k)).Select(k => $"no text for: {k}"));
    }

    [GeneratedRegex(@"\b(?:T|text)\[""([A-Za-z0-9.]+)""")]
    private static partial Regex OwnKey();

    [GeneratedRegex(@"\bAfter\[""([A-Za-z0-9.]+)""")]
    private static partial Regex BorrowedKey();
}
