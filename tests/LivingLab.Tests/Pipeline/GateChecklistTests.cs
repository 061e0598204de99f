using LivingLab.Pipeline;
using static LivingLab.Tests.Pipeline.GateIdeas;

namespace LivingLab.Tests.Pipeline;

public sealed class GateChecklistTests
{
    [Theory]
    [InlineData(Stage.Discovery)]
    [InlineData(Stage.Research)]
    [InlineData(Stage.ServicePlanning)]
    public void Stages_without_a_gate_have_an_empty_checklist(Stage next)
    {
        Assert.Empty(StageGate.GateChecklist(GateInput.New(), next));
    }

    [Fact]
    public void The_pilot_checklist_shows_met_and_unmet_conditions()
    {
        var idea = GateInput.New(Stage.Research) with
        {
            Operator = IdeaOperator.Town,
            Kpis = [Deliveries, new Kpi("k3", "Riders", "人", 5, null)],
        };

        var checklist = StageGate.GateChecklist(idea, Stage.Pilot);

        Assert.Equal(
            [("operatorRequired", true), ("kpiRequired", true), ("kpiIncomplete", true), ("kpiIncomplete", false)],
            checklist.Select(c => (c.Code, c.Met)));
        Assert.Equal("k3", checklist[3].Values!["kpiId"]);
        Assert.Equal("target", checklist[3].Values!["missing"]);
    }

    [Fact]
    public void The_rollout_checklist_has_one_row_per_kpi()
    {
        var idea = Ready(Stage.ServicePlanning) with { Measurements = [new KpiMeasurement("k2", 60, new DateOnly(2026, 11, 1))] };

        var checklist = StageGate.GateChecklist(idea, Stage.Rollout);

        Assert.Equal(
            [("kpiRequired", true, (string?)null), ("kpiMeasurementMissing", false, "k1"), ("kpiMeasurementMissing", true, "k2")],
            checklist.Select(c => (c.Code, c.Met, c.Values?.GetValueOrDefault("kpiId"))));
    }

    [Fact]
    public void Check_refuses_exactly_the_unmet_checklist_rows()
    {
        var idea = Ready(Stage.Research) with { Operator = IdeaOperator.None, Kpis = [new Kpi("k5", "", "件", 1, 2)] };

        var unmet = StageGate.GateChecklist(idea, Stage.Pilot).Where(c => !c.Met).Select(c => c.Code);

        Assert.Equal(unmet, StageGate.Check(idea, Stage.Pilot).Codes);
    }
}
