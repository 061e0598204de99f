namespace LivingLab.Web.Features.Workshops.After;

/// <summary>Anchor type for the after-the-workshop strings (Resources/Features/Workshops/After/AfterText(.en).resx).</summary>
public sealed class AfterText;
