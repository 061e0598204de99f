namespace LivingLab.Runtime;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called on each tick of a reminder, as a normal grain turn.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>When a reminder first fired, its period and the current tick's time.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

/// <summary>A handle on a registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique per grain.</summary>
    string ReminderName { get; }
}

/// <summary>A grain timer; disposing it stops it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>Options for a grain timer, as Orleans' GrainTimerCreationOptions.</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>When true the tick may interleave with other requests; by default it waits its turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true a tick counts as use and keeps the grain from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
