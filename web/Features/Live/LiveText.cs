namespace LivingLab.Web.Features.Live;

/// <summary>Anchor type for the live fragments' strings (Resources/Features/Live/LiveText(.en).resx).</summary>
public sealed class LiveText;
