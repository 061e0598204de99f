namespace LivingLab.Runtime;

/// <summary>Settings of the grain runtime.</summary>
public sealed class SiloOptions
{
    /// <summary>How long a caller waits for a grain call before a <see cref="TimeoutException"/>. Orleans' default.</summary>
    public TimeSpan DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation unused this long is collected (OnDeactivateAsync runs).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the idle collector looks.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long shutdown waits for running calls and deactivations.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest state payload, in UTF-8 bytes of its JSON.</summary>
    public int MaxStatePayloadBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an observer may take to accept a notification before it counts as failed.</summary>
    public TimeSpan ObserverNotificationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
