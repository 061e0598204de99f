namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>Anchor type for the idea panel's decision and operator strings (Resources/Features/Facilitate/Panel/DecisionText(.en).resx).</summary>
public sealed class DecisionText;
