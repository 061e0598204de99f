using LivingLab.Pipeline;
using static LivingLab.Tests.Pipeline.GateIdeas;

namespace LivingLab.Tests.Pipeline;

public sealed class StageGateTests
{
    public static TheoryData<Stage, Stage> AllStagePairs()
    {
        var data = new TheoryData<Stage, Stage>();
        foreach (var from in Enum.GetValues<Stage>())
        {
            foreach (var to in Enum.GetValues<Stage>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllStagePairs))]
    public void Only_moves_of_one_stage_forward_or_back_are_allowed(Stage from, Stage to)
    {
        var result = StageGate.Check(Ready(from), to);

        var distance = Math.Abs((int)to - (int)from);
        var expected = distance switch
        {
            0 => ["sameStage"],
            1 => Array.Empty<string>(),
            _ => ["notAdjacentStage"],
        };
        Assert.Equal(expected, result.Codes);
        Assert.Equal(distance == 1, result.Succeeded);
    }

    [Fact]
    public void Skipping_a_stage_names_both_stages()
    {
        var rejection = Assert.Single(StageGate.Check(Ready(Stage.Discovery), Stage.Pilot).Missing);

        Assert.Equal("notAdjacentStage", rejection.Code);
        Assert.Equal("toStage", rejection.Field);
        Assert.Equal("discovery", rejection.Values!["from"]);
        Assert.Equal("pilot", rejection.Values!["to"]);
    }

    [Fact]
    public void Going_back_one_stage_needs_no_gate()
    {
        var bare = GateInput.New(Stage.Rollout);

        Assert.True(StageGate.Check(bare, Stage.ServicePlanning).Succeeded);
        Assert.True(StageGate.Check(bare with { Stage = Stage.Pilot }, Stage.Research).Succeeded);
    }

    [Fact]
    public void Discovery_research_and_service_planning_have_no_gate()
    {
        Assert.True(StageGate.Check(GateInput.New(Stage.Discovery), Stage.Research).Succeeded);
        Assert.True(StageGate.Check(GateInput.New(Stage.Pilot), Stage.ServicePlanning).Succeeded);
    }

    [Fact]
    public void Entering_pilot_needs_an_operator()
    {
        var idea = Ready(Stage.Research) with { Operator = IdeaOperator.None };

        var rejection = Assert.Single(StageGate.Check(idea, Stage.Pilot).Missing);
        Assert.Equal("operatorRequired", rejection.Code);
        Assert.Equal("operator", rejection.Field);
    }

    [Fact]
    public void The_town_can_operate_a_pilot_without_any_partner()
    {
        var idea = Ready(Stage.Research) with { Operator = IdeaOperator.Town, AcceptedPartnerIds = [] };

        Assert.True(StageGate.Check(idea, Stage.Pilot).Succeeded);
    }

    [Fact]
    public void A_partner_operator_must_be_accepted_on_the_idea()
    {
        var idea = Ready(Stage.Research) with { Operator = IdeaOperator.Partner("p-other"), AcceptedPartnerIds = ["p-mobility"] };

        var rejection = Assert.Single(StageGate.Check(idea, Stage.Pilot).Missing);
        Assert.Equal("operatorNotAccepted", rejection.Code);
        Assert.Equal("p-other", rejection.Values!["partnerId"]);
    }

    [Fact]
    public void Partner_ids_are_compared_exactly()
    {
        var idea = Ready(Stage.Research) with { Operator = IdeaOperator.Partner("P-MOBILITY") };

        Assert.Equal(["operatorNotAccepted"], StageGate.Check(idea, Stage.Pilot).Codes);
    }

    [Fact]
    public void A_partner_operator_without_an_id_counts_as_no_operator()
    {
        var idea = Ready(Stage.Research) with { Operator = new IdeaOperator(OperatorKind.Partner, "") };

        Assert.Equal(["operatorRequired"], StageGate.Check(idea, Stage.Pilot).Codes);
    }

    [Fact]
    public void Entering_pilot_needs_at_least_one_kpi()
    {
        var idea = Ready(Stage.Research) with { Kpis = [], Measurements = [] };

        Assert.Equal(["kpiRequired"], StageGate.Check(idea, Stage.Pilot).Codes);
    }

    [Fact]
    public void Entering_pilot_needs_name_unit_baseline_and_target_on_every_kpi()
    {
        var idea = Ready(Stage.Research) with { Kpis = [Deliveries, new Kpi("k9", "Rides", " ", null, 10)] };

        var rejection = Assert.Single(StageGate.Check(idea, Stage.Pilot).Missing);
        Assert.Equal("kpiIncomplete", rejection.Code);
        Assert.Equal("k9", rejection.Values!["kpiId"]);
        Assert.Equal("Rides", rejection.Values!["kpiName"]);
        Assert.Equal("unit,baseline", rejection.Values!["missing"]);
    }

    [Fact]
    public void A_kpi_baseline_of_zero_is_present()
    {
        var idea = Ready(Stage.Research) with { Kpis = [new Kpi("k1", "Trips", "回", 0, 0)] };

        Assert.True(StageGate.Check(idea, Stage.Pilot).Succeeded);
    }

    [Fact]
    public void Entering_pilot_does_not_need_measurements_yet()
    {
        var idea = Ready(Stage.Research) with { Measurements = [] };

        Assert.True(StageGate.Check(idea, Stage.Pilot).Succeeded);
    }

    [Fact]
    public void A_refused_gate_lists_every_missing_condition()
    {
        var idea = GateInput.New(Stage.Research);

        Assert.Equal(["operatorRequired", "kpiRequired"], StageGate.Check(idea, Stage.Pilot).Codes);
    }

    [Fact]
    public void Entering_rollout_needs_a_measurement_of_every_kpi()
    {
        var idea = Ready(Stage.ServicePlanning) with { Measurements = [new KpiMeasurement("k1", 12, new DateOnly(2026, 9, 1))] };

        var rejection = Assert.Single(StageGate.Check(idea, Stage.Rollout).Missing);
        Assert.Equal("kpiMeasurementMissing", rejection.Code);
        Assert.Equal("k2", rejection.Values!["kpiId"]);
        Assert.Equal("Satisfaction", rejection.Values!["kpiName"]);
    }

    [Fact]
    public void Entering_rollout_lists_each_unmeasured_kpi()
    {
        var idea = Ready(Stage.ServicePlanning) with { Measurements = [new KpiMeasurement("k-deleted", 1, new DateOnly(2026, 9, 1))] };

        var missing = StageGate.Check(idea, Stage.Rollout).Missing;
        Assert.Equal(["k1", "k2"], missing.Select(m => m.Values!["kpiId"]));
    }

    [Fact]
    public void Entering_rollout_without_any_kpi_is_refused_rather_than_vacuously_allowed()
    {
        var idea = Ready(Stage.ServicePlanning) with { Kpis = [], Measurements = [] };

        Assert.Equal(["kpiRequired"], StageGate.Check(idea, Stage.Rollout).Codes);
    }

    [Theory]
    [InlineData(IdeaStatus.Declined, "declined")]
    [InlineData(IdeaStatus.OnHold, "onHold")]
    public void A_closed_idea_cannot_move(IdeaStatus status, string wireStatus)
    {
        var idea = Ready(Stage.Research) with { Status = status };

        foreach (var to in new[] { Stage.Discovery, Stage.Pilot, Stage.Rollout })
        {
            var rejection = Assert.Single(StageGate.Check(idea, to).Missing);
            Assert.Equal("ideaClosed", rejection.Code);
            Assert.Equal(wireStatus, rejection.Values!["status"]);
        }
    }

    [Theory]
    [InlineData(IdeaStatus.Declined)]
    [InlineData(IdeaStatus.OnHold)]
    public void A_closed_idea_is_reopened_at_its_own_stage_without_a_gate(IdeaStatus status)
    {
        var idea = GateInput.New(Stage.Pilot) with { Status = status };

        Assert.True(StageGate.Check(idea, Stage.Pilot).Succeeded);
    }

    [Fact]
    public void Reopening_needs_a_rationale_like_any_move()
    {
        var idea = GateInput.New(Stage.Pilot) with { Status = IdeaStatus.OnHold };

        Assert.Equal(["required"], StageGate.CheckMove(idea, Stage.Pilot, "  ", []).Codes);
        Assert.True(StageGate.CheckMove(idea, Stage.Pilot, "予算がついたため再開", []).Succeeded);
    }

    [Fact]
    public void An_undefined_stage_value_is_refused()
    {
        Assert.Equal(["invalidStage"], StageGate.Check(Ready(Stage.Pilot), (Stage)7).Codes);
    }

    [Fact]
    public void Check_move_reports_gate_and_rationale_problems_together()
    {
        var result = StageGate.CheckMove(GateInput.New(Stage.Research), Stage.Pilot, "", ["javascript:alert(1)"]);

        Assert.Equal(["operatorRequired", "kpiRequired", "required", "invalidUrl"], result.Codes);
        Assert.Equal(["operator", "kpis", "rationale", "evidence"], result.Missing.Select(m => m.Field));
    }
}
