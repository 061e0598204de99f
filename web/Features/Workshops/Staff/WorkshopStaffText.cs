namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>Anchor type for the facilitators' workshop pages' strings (Resources/Features/Workshops/Staff/WorkshopStaffText(.en).resx).</summary>
public sealed class WorkshopStaffText;
