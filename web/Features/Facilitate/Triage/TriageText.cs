namespace LivingLab.Web.Features.Facilitate.Triage;

/// <summary>Anchor type for the triage grid's strings (Resources/Features/Facilitate/Triage/TriageText(.en).resx).</summary>
public sealed class TriageText;
