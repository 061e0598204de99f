namespace LivingLab.Web.Features.Workshops;

/// <summary>Anchor type for the public workshop pages' strings (Resources/Features/Workshops/WorkshopsText(.en).resx).</summary>
public sealed class WorkshopsText;
