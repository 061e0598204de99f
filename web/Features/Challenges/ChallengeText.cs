namespace LivingLab.Web.Features.Challenges;

/// <summary>Anchor type for the challenge pages' strings (Resources/Features/Challenges/ChallengeText(.en).resx).</summary>
public sealed class ChallengeText;
