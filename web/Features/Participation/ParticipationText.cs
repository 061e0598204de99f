namespace LivingLab.Web.Features.Participation;

/// <summary>Anchor type for the participation islands' own strings (Resources/Features/Participation/ParticipationText(.en).resx).</summary>
public sealed class ParticipationText;
