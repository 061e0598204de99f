using System.Xml.Linq;
using LivingLab.Web.Tests.Browser;

namespace LivingLab.Web.Tests.Pages.Challenges;

public sealed class ChallengeTextResourceTests
{
    [Theory]
    [InlineData("Features/Challenges/ChallengeText")]
    [InlineData("Components/Comments/CommentText")]
    [InlineData("Features/Ideas/Propose/ProposeText")]
    [InlineData("Features/Ideas/Apply/ApplyText")]
    public void Japanese_and_English_texts_have_the_same_keys_and_none_is_empty(string resource)
    {
        var ja = Texts($"{resource}.resx");
        var en = Texts($"{resource}.en.resx");

        Assert.Empty(ja.Keys.Except(en.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(en.Keys.Except(ja.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(ja.Concat(en).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"empty: {t.Key}"));
        // A placeholder the Japanese text fills must be filled in English too, or a number would vanish from a sentence.
        Assert.Empty(ja.Where(t => Placeholders(t.Value) != Placeholders(en[t.Key])).Select(t => $"placeholders differ: {t.Key}"));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(BrowserSession.RepositoryRoot(), "web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
