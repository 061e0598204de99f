namespace LivingLab.Web.Features.Ideas.Apply;

/// <summary>Anchor type for the partner-application island's strings (Resources/Features/Ideas/Apply/ApplyText(.en).resx).</summary>
public sealed class ApplyText;
