namespace LivingLab.Pipeline;

/// <summary>
/// A key performance indicator of a pilot. Baseline and target are optional while the KPI is drafted,
/// but the pilot gate wants all four of name, unit, baseline and target.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.Kpi")]
public sealed record Kpi(string Id, string Name, string Unit, decimal? Baseline, decimal? Target);

/// <summary>One measured value of a KPI, on a date, with an optional note on how it was measured.</summary>
public sealed record KpiMeasurement(string KpiId, decimal Value, DateOnly Date, string? Note = null);
