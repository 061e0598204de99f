namespace LivingLab.Web.Features.Admin.Partners;

/// <summary>Anchor type for the partner organisations island's strings (Resources/Features/Admin/Partners/PartnersText(.en).resx).</summary>
public sealed class PartnersText;
