namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>A stage decision the panel takes with a reason alone: closing the idea (on hold, declined) or reopening it in its stage.</summary>
public enum DecisionKind
{
    /// <summary>Put the idea on hold.</summary>
    Hold,

    /// <summary>Decline (close) the idea.</summary>
    Decline,

    /// <summary>Reopen a closed idea in the stage it is in.</summary>
    Reopen,
}
