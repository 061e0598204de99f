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
        var ja = ResourceTexts.Read("Features/Workshops/WorkshopsText.resx");
        var en = ResourceTexts.Read("Features/Workshops/WorkshopsText.en.resx");

        Assert.Empty(ja.Keys.Except(en.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(en.Keys.Except(ja.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(ja.Concat(en).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"empty: {t.Key}"));
        Assert.Empty(ja.Where(t => ResourceTexts.Placeholders(t.Value) != ResourceTexts.Placeholders(en[t.Key])).Select(t => $"placeholders differ: {t.Key}"));
    }
}
