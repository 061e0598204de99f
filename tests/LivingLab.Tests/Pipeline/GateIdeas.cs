using LivingLab.Pipeline;

namespace LivingLab.Tests.Pipeline;

// Ideas in known shapes, so each test states only the one thing it varies.
internal static class GateIdeas
{
    public static readonly Kpi Deliveries = new("k1", "週あたりの配達件数", "件", 0, 30);
    public static readonly Kpi Satisfaction = new("k2", "Satisfaction", "%", 40, 70);

    // Everything every gate wants: an accepted partner operating, complete KPIs, and a measurement of each.
    public static GateInput Ready(Stage stage) => new(
        stage,
        IdeaStatus.Open,
        IdeaOperator.Partner("p-mobility"),
        [Deliveries, Satisfaction],
        [new KpiMeasurement("k1", 42, new DateOnly(2026, 10, 1)), new KpiMeasurement("k2", 71.5m, new DateOnly(2026, 10, 2), "アンケート")],
        ["p-mobility"]);
}
