namespace LivingLab.Storage;

/// <summary>
/// Raised in this process after a state write that appended events is durable, so readers of the event log (the
/// projection runner) look at once instead of on their next poll. Handlers must be cheap and must not throw.
/// </summary>
public sealed class StateWriteSignal
{
    /// <summary>Events were appended to the log.</summary>
    public event Action? EventsWritten;

    internal void OnEventsWritten() => EventsWritten?.Invoke();
}
