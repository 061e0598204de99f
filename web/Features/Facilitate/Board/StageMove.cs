using LivingLab.Pipeline;

namespace LivingLab.Web.Features.Facilitate.Board;

/// <summary>A move a facilitator asked for (by dropping a card or through its menu): the card and the stage it should go to.</summary>
public sealed record StageMove(BoardCard Card, Stage To);
