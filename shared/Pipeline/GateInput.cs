namespace LivingLab.Pipeline;

/// <summary>Everything the stage gate needs to know about an idea, and nothing more (no I/O, no people).</summary>
public sealed record GateInput(
    Stage Stage,
    IdeaStatus Status,
    IdeaOperator Operator,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<KpiMeasurement> Measurements,
    IReadOnlyList<string> AcceptedPartnerIds)
{
    /// <summary>A new idea in discovery: open, no operator, no KPIs, no partners.</summary>
    public static GateInput New(Stage stage = Stage.Discovery) =>
        new(stage, IdeaStatus.Open, IdeaOperator.None, [], [], []);
}
