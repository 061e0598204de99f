namespace LivingLab.Storage;

/// <summary>Limits on stored grain state, shared by the evented-state facet and the Orleans storage provider.</summary>
public sealed class StateLimits
{
    /// <summary>Largest state payload, in UTF-8 bytes of its JSON: growing sets belong in rows, not in the state.</summary>
    public int MaxStatePayloadBytes { get; set; } = 1024 * 1024;
}
