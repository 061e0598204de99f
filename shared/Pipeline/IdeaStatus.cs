namespace LivingLab.Pipeline;

/// <summary>Whether an idea is moving along the pipeline or closed; a closed idea keeps its stage and history.</summary>
[GenerateSerializer]
[Alias("ll.IdeaStatus")]
public enum IdeaStatus
{
    /// <summary>The idea can move forward or back.</summary>
    Open,

    /// <summary>見送り: declined, with a reason that stays public as a lesson.</summary>
    Declined,

    /// <summary>保留: paused, with a reason; it can be reopened later.</summary>
    OnHold,
}
