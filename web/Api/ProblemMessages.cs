namespace LivingLab.Web.Api;

/// <summary>Anchor for the ja/en problem texts in Resources/Api/ProblemMessages(.en).resx, keyed by rejection code.</summary>
public sealed class ProblemMessages;
