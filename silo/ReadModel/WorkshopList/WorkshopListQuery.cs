using LivingLab.Pipeline;
using LivingLab.Workshops;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>Which workshops a list shows by time.</summary>
public enum WorkshopWhen
{
    /// <summary>Not yet over (or with the date still open), soonest first, open dates last.</summary>
    Upcoming,

    /// <summary>Over, the latest first.</summary>
    Past,
}

/// <summary>What a workshop list asks for; <see cref="Now"/> is the moment that divides upcoming from past.</summary>
public sealed record WorkshopListQuery(
    DateTimeOffset Now,
    WorkshopWhen When = WorkshopWhen.Upcoming,
    Stage? Stage = null,
    WorkshopStatus? Status = null,
    int Page = 1,
    int PageSize = 20);
