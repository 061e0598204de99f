namespace LivingLab.Web.Features.Ideas.Propose;

/// <summary>Anchor type for the propose-an-idea page's strings (Resources/Features/Ideas/Propose/ProposeText(.en).resx).</summary>
public sealed class ProposeText;
