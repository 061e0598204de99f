namespace LivingLab.Storage;

/// <summary>A stored state could not be read back (corrupt JSON): only this grain's activation fails.</summary>
public sealed class CorruptStateException(string message, Exception inner) : Exception(message, inner);

/// <summary>A state payload is larger than the store accepts; nothing was written.</summary>
public sealed class StatePayloadTooLargeException(string message) : Exception(message);
