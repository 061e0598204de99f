using LivingLab.Pipeline;

namespace LivingLab.Tests.Pipeline;

public sealed class StageWireNamesTests
{
    [Theory]
    [InlineData(Stage.Discovery, "discovery")]
    [InlineData(Stage.Research, "research")]
    [InlineData(Stage.Pilot, "pilot")]
    [InlineData(Stage.ServicePlanning, "servicePlanning")]
    [InlineData(Stage.Rollout, "rollout")]
    public void Stages_have_fixed_wire_names_that_round_trip(Stage stage, string wire)
    {
        Assert.Equal(wire, StageWireNames.Format(stage));
        Assert.True(StageWireNames.TryParse(wire, out var parsed));
        Assert.Equal(stage, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Pilot")]
    [InlineData("PILOT")]
    [InlineData("serviceplanning")]
    [InlineData(" pilot")]
    [InlineData("pilot ")]
    [InlineData("2")]
    [InlineData("ServicePlanning")]
    [InlineData("実証")]
    [InlineData("closed")]
    public void Parsing_is_case_sensitive_and_refuses_unknown_names(string? wire)
    {
        Assert.False(StageWireNames.TryParse(wire, out _));
    }

    [Fact]
    public void All_lists_the_names_in_pipeline_order()
    {
        Assert.Equal(Enum.GetValues<Stage>().Select(StageWireNames.Format), StageWireNames.All);
    }

    [Fact]
    public void Formatting_an_undefined_stage_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StageWireNames.Format((Stage)5));
    }

    [Theory]
    [InlineData(IdeaStatus.Open, "open")]
    [InlineData(IdeaStatus.Declined, "declined")]
    [InlineData(IdeaStatus.OnHold, "onHold")]
    public void Statuses_have_fixed_wire_names_that_round_trip(IdeaStatus status, string wire)
    {
        Assert.Equal(wire, IdeaStatusWireNames.Format(status));
        Assert.True(IdeaStatusWireNames.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
        Assert.False(IdeaStatusWireNames.TryParse(wire.ToUpperInvariant(), out _));
    }
}
