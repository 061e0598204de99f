namespace LivingLab.Web.Features.Dashboard;

/// <summary>Anchor type for the transparency dashboard's strings (Resources/Features/Dashboard/DashboardText(.en).resx).</summary>
public sealed class DashboardText;
