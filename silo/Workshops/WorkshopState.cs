using LivingLab.Pipeline;

namespace LivingLab.Workshops;

/// <summary>
/// Stored state of a workshop. Version 1; fields may be added, never repurposed. Registrations are rows of their own
/// (<see cref="WorkshopRegistrations"/>); the state keeps only their counts and the arrival counter.
/// </summary>
public sealed class WorkshopState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Null until the workshop is created.</summary>
    public string? Title { get; set; }

    public string Description { get; set; } = "";

    public Stage Stage { get; set; }

    public List<string> ChallengeIds { get; set; } = [];

    public List<string> IdeaIds { get; set; } = [];

    public string Place { get; set; } = "";

    public string OnlineUrl { get; set; } = "";

    public int Capacity { get; set; }

    public bool GuestsAllowed { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public WorkshopStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset Created { get; set; }

    public int RegisteredCount { get; set; }

    public int WaitingCount { get; set; }

    /// <summary>The date poll's candidate slots; empty when there is no poll. Answers are rows of their own.</summary>
    public List<PollSlotState> PollSlots { get; set; } = [];

    /// <summary>The slot the facilitator fixed as the date, once fixed.</summary>
    public string? FixedSlotId { get; set; }

    public int PollAnswerCount { get; set; }

    /// <summary>Numbers registrations in arrival order, so the waiting list keeps its order across activations.</summary>
    public long NextArrival { get; set; }

    /// <summary>The minutes in Markdown, kept once the workshop has taken place.</summary>
    public string Minutes { get; set; } = "";

    public string RecordingUrl { get; set; } = "";

    public int FeedbackCount { get; set; }
}

/// <summary>One candidate slot of a date poll.</summary>
public sealed class PollSlotState
{
    public string Id { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }
}
