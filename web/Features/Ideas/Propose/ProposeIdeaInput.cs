using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;

namespace LivingLab.Web.Features.Ideas.Propose;

/// <summary>
/// The propose-an-idea form as posted (every value a string, as a form sends it) and the grain's own rules applied to it
/// all at once, so each control shows its own message.
/// </summary>
public sealed class ProposeIdeaInput
{
    /// <summary>The value of the Preview button's name ("Input.Action").</summary>
    public const string PreviewAction = "preview";

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Category { get; set; }

    /// <summary>A random key per rendered form: the same key from the same person reaches the same idea id, so a double submit proposes once.</summary>
    public string? Key { get; set; }

    /// <summary>"preview" when the Preview button was pressed.</summary>
    public string? Action { get; set; }

    public bool IsPreview => Action == PreviewAction;

    /// <summary>Whether the key can serve as an idempotency key (the API takes up to 200 characters).</summary>
    public bool HasUsableKey => Key is { Length: > 0 and <= 200 };

    /// <summary>The grain's input.</summary>
    public IdeaInput ToInput() => new(Title, Summary, Category);

    /// <summary>Every field's refusal, keyed by the rule's field name (title, summary, category); empty when all pass.</summary>
    public Dictionary<string, Rejection> Check()
    {
        var problems = new Dictionary<string, Rejection>(StringComparer.Ordinal);
        foreach (var rejection in new[]
                 {
                     TextRules.Line(Title, "title", IdeaRules.MaxTitleLength),
                     TextRules.Text(Summary, "summary", IdeaRules.MaxSummaryLength),
                     ChallengeRules.CheckCategory(Category),
                 })
        {
            if (rejection is not null)
            {
                problems.TryAdd(rejection.Field ?? "", rejection);
            }
        }

        return problems;
    }
}
