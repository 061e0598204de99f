namespace LivingLab.Web.Features.Pilots;

/// <summary>Anchor type for the pilots page's strings (Resources/Features/Pilots/PilotsText(.en).resx).</summary>
public sealed class PilotsText;
