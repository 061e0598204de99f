namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>Anchor type for the idea panel islands' strings (Resources/Features/Facilitate/Panel/PanelText(.en).resx).</summary>
public sealed class PanelText;
