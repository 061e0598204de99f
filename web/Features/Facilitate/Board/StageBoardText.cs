namespace LivingLab.Web.Features.Facilitate.Board;

/// <summary>Anchor type for the stage board's strings (Resources/Features/Facilitate/Board/StageBoardText(.en).resx).</summary>
public sealed class StageBoardText;
