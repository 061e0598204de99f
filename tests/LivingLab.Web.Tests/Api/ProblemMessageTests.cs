using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LivingLab.Web.Tests.Api;

/// <summary>
/// Every rejection code and field the contracts and grains can produce has a Japanese and an English text, so no
/// refusal reaches a person as a bare code or a generic "error". Read from the sources, so a new code cannot be missed.
/// </summary>
public sealed partial class ProblemMessageTests
{
    // Conditions of a stage gate, built by StageGate as records rather than Reject calls.
    private static readonly string[] GateCodes = ["operatorRequired", "operatorNotAccepted", "kpiRequired", "kpiIncomplete", "kpiMeasurementMissing"];

    [Fact]
    public void Every_rejection_code_and_field_in_shared_and_silo_has_a_japanese_and_an_english_text()
    {
        var root = RepositoryPaths.Root();
        var sources = new[] { "shared", "silo" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToArray();
        var codes = sources.SelectMany(s => RejectCall().Matches(s)).Select(m => m.Groups["code"].Value)
            .Concat(GateCodes).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var fields = sources.SelectMany(s => RejectCall().Matches(s).Concat(TextRuleCall().Matches(s)))
            .Select(m => m.Groups["field"].Value).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);

        foreach (var file in new[] { "ProblemMessages.resx", "ProblemMessages.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(root, "web", "Resources", "Api", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(codes.Where(c => !keys.Contains(c)).Select(c => $"{file}: {c}"));
            Assert.Empty(fields.Where(f => !keys.Contains($"field.{f}")).Select(f => $"{file}: field.{f}"));
        }

        Assert.Contains("gateNotMet", codes);
        Assert.Contains("place.latitude", fields);
    }

    // Reject("code"), Reject("code", "field"), new Rejection("code", "field"), Refuse("code", "field"), Limit("code", "field", …).
    [GeneratedRegex(@"(?:Reject|Rejection|Refuse|Limit)\(\s*""(?<code>[A-Za-z]*)""(?:\s*,\s*(?:""(?<field>[A-Za-z.]+)""|[^,)]*))?")]
    private static partial Regex RejectCall();

    // TextRules.Line(value, "field", …) and TextRules.Text(value, "field", …); AddTextRule(missing, text, "field", …); Range("field", …).
    [GeneratedRegex(@"Range\(""(?<field>[A-Za-z.]+)""|(?:TextRules\.(?:Line|Text)|AddTextRule|CheckValue)\([^,]+,\s*(?:[^,]+,\s*)?""(?<field>[A-Za-z.]+)""")]
    private static partial Regex TextRuleCall();
}
