namespace LivingLab.Site;

/// <summary>Stored state of the site grain. Version 1; fields may be added, never repurposed.</summary>
public sealed class SiteState
{
    public int SchemaVersion { get; set; } = 1;

    public SiteInfo? Info { get; set; }
}
