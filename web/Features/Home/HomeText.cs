namespace LivingLab.Web.Features.Home;

/// <summary>Anchor type for the home page's strings (Resources/Features/Home/HomeText(.en).resx).</summary>
public sealed class HomeText;
