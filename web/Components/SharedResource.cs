namespace LivingLab.Web;

/// <summary>Anchor type for the shared UI strings in Resources/SharedResource(.en).resx; Japanese is the neutral culture.</summary>
public sealed class SharedResource;
