using LivingLab.Common;

namespace LivingLab.Ideas;

/// <summary>The rules for an idea's own fields (stage moves are <see cref="Pipeline.StageGate"/>).</summary>
public static class IdeaRules
{
    public const int MaxTitleLength = 120;
    public const int MaxSummaryLength = 10_000;
    public const int MaxKpiNameLength = 100;
    public const int MaxKpiUnitLength = 30;
    public const int MaxKpis = 20;
    public const int MaxMeasurementNoteLength = 500;
    public const int MaxProposalLength = 10_000;
    public const int MaxDecisionReasonLength = 2_000;
    public const int MaxMeasurements = 5_000;

    // decimal's range is far beyond any KPI; a bound keeps charts and exports sane.
    private const decimal MaxAbsoluteValue = 1_000_000_000_000m;

    public static Rejection? Check(IdeaInput input) =>
        TextRules.Line(input.Title, "title", MaxTitleLength)
        ?? TextRules.Text(input.Summary, "summary", MaxSummaryLength)
        ?? Challenges.ChallengeRules.CheckCategory(input.Category);

    public static IdeaInput Normalize(IdeaInput input) =>
        new(TextRules.Normalize(input.Title), TextRules.Normalize(input.Summary), input.Category);

    /// <summary>A KPI: name and unit required; baseline and target optional while drafting, bounded when given.</summary>
    public static Rejection? Check(KpiInput input) =>
        TextRules.Line(input.Name, "name", MaxKpiNameLength)
        ?? TextRules.Line(input.Unit, "unit", MaxKpiUnitLength)
        ?? CheckValue(input.Baseline, "baseline", required: false)
        ?? CheckValue(input.Target, "target", required: false);

    /// <summary>A measurement: a value and a date (not in the future beyond a day's time-zone slack), an optional note.</summary>
    public static Rejection? Check(MeasurementInput input, DateOnly today) =>
        CheckValue(input.Value, "value", required: true)
        ?? (input.Date is null ? new Rejection("required", "date")
            : input.Date.Value > today.AddDays(1) ? new Rejection("dateInFuture", "date")
            : null)
        ?? TextRules.Line(input.Note, "note", MaxMeasurementNoteLength, required: false);

    private static Rejection? CheckValue(decimal? value, string field, bool required) =>
        value is null ? (required ? new Rejection("required", field) : null)
        : Math.Abs(value.Value) > MaxAbsoluteValue ? new Rejection("outOfRange", field)
        : null;
}
