namespace LivingLab.Web.Features.Me;

/// <summary>Anchor type for the person's own page's strings (Resources/Features/Me/MeText(.en).resx).</summary>
public sealed class MeText;
