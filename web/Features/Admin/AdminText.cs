namespace LivingLab.Web.Features.Admin;

/// <summary>Anchor type for the admin pages' strings (Resources/Features/Admin/AdminText(.en).resx).</summary>
public sealed class AdminText;
