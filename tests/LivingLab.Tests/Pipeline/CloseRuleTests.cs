using LivingLab.Pipeline;

namespace LivingLab.Tests.Pipeline;

public sealed class CloseRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Closing_needs_a_reason(string? reason)
    {
        var rejection = Assert.Single(StageGate.CheckClose(reason).Missing);

        Assert.Equal("required", rejection.Code);
        Assert.Equal("reason", rejection.Field);
    }

    [Fact]
    public void A_close_reason_may_be_up_to_2000_characters()
    {
        Assert.True(StageGate.CheckClose(new string('x', 2000)).Succeeded);
        Assert.Equal(["tooLong"], StageGate.CheckClose(new string('x', 2001)).Codes);
    }

    [Theory]
    [InlineData(Stage.Discovery, IdeaStatus.Declined)]
    [InlineData(Stage.Pilot, IdeaStatus.OnHold)]
    [InlineData(Stage.Rollout, IdeaStatus.Declined)]
    public void An_open_idea_can_be_closed_from_any_stage(Stage stage, IdeaStatus to)
    {
        Assert.True(StageGate.CheckClose(GateInput.New(stage), to, "予算の都合で見送り").Succeeded);
    }

    [Fact]
    public void Closing_passes_no_stage_gate()
    {
        var idea = GateInput.New(Stage.Research);

        Assert.True(StageGate.CheckClose(idea, IdeaStatus.Declined, "需要が確認できなかった").Succeeded);
    }

    [Fact]
    public void A_paused_idea_can_later_be_declined()
    {
        var idea = GateInput.New(Stage.Pilot) with { Status = IdeaStatus.OnHold };

        Assert.True(StageGate.CheckClose(idea, IdeaStatus.Declined, "再開の見込みなし").Succeeded);
    }

    [Fact]
    public void Closing_into_the_same_status_is_refused()
    {
        var idea = GateInput.New(Stage.Pilot) with { Status = IdeaStatus.Declined };

        var rejection = Assert.Single(StageGate.CheckClose(idea, IdeaStatus.Declined, "again").Missing);
        Assert.Equal("sameStatus", rejection.Code);
        Assert.Equal("status", rejection.Field);
    }

    [Fact]
    public void Closing_into_open_is_refused_because_reopening_is_a_move()
    {
        var idea = GateInput.New(Stage.Pilot) with { Status = IdeaStatus.OnHold };

        Assert.Equal(["invalidStatus"], StageGate.CheckClose(idea, IdeaStatus.Open, "reopen").Codes);
    }

    [Fact]
    public void Close_reports_status_and_reason_problems_together()
    {
        Assert.Equal(["invalidStatus", "required"], StageGate.CheckClose(GateInput.New(), (IdeaStatus)9, null).Codes);
    }
}
