namespace LivingLab.Runtime;

/// <summary>Why an activation is going away.</summary>
public enum DeactivationReasonCode
{
    None,
    ApplicationRequested,
    ActivationIdle,
    ShuttingDown,
    InconsistentState,
    StateWriteFailed,
}

/// <summary>Why an activation is going away, with words for logs.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description);
