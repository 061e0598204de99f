namespace LivingLab.Web.Features.Facilitate;

/// <summary>Anchor type for the facilitator pages' strings (Resources/Features/Facilitate/FacilitateText(.en).resx).</summary>
public sealed class FacilitateText;
