using LivingLab.Pipeline;

namespace LivingLab.ReadModel.PipelineStats;

/// <summary>
/// The pipeline at a glance: per stage, how many ideas are in it by status and the median days an idea spent there;
/// how many ideas ever reached rollout; how many ideas there are in all.
/// </summary>
public sealed record PipelineReport(IReadOnlyList<StageStatistics> Stages, int RolledOut, int Ideas);

/// <summary>
/// One stage: ideas in it now (open, declined, on hold; a closed idea keeps its stage), and the median days of the stays
/// that ended with a move forward or back, with how many stays that median is based on (null when none has ended).
/// </summary>
public sealed record StageStatistics(Stage Stage, int Open, int Declined, int OnHold, double? MedianDays, int MedianBasedOn);
