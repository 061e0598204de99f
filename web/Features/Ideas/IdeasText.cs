namespace LivingLab.Web.Features.Ideas;

/// <summary>Anchor type for the idea pages' strings (Resources/Features/Ideas/IdeasText(.en).resx).</summary>
public sealed class IdeasText;
