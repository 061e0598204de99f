namespace LivingLab.Web.Features.Partners;

/// <summary>Anchor type for the partner directory's strings (Resources/Features/Partners/PartnersText(.en).resx).</summary>
public sealed class PartnersText;
