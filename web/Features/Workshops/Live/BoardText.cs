namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>Anchor type for the live board pages' strings (Resources/Features/Workshops/Live/BoardText(.en).resx).</summary>
public sealed class BoardText;
