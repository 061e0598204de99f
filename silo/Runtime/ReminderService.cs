using System.Collections.Concurrent;
using LivingLab.Storage;

namespace LivingLab.Runtime;

/// <summary>
/// Durable reminders: stored rows, loaded at start-up and fired on the runtime's clock. A tick activates the grain
/// if needed and calls <see cref="IRemindable.ReceiveReminder"/> as a normal grain call.
/// </summary>
public sealed class ReminderService : IDisposable
{
    private readonly GrainRuntime runtime;
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), Scheduled> scheduled = new();
    private volatile bool stopped;

    internal ReminderService(GrainRuntime runtime) => this.runtime = runtime;

    /// <summary>How many reminders are scheduled in this runtime.</summary>
    public int Count => scheduled.Count;

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await runtime.Storage.ReadRemindersAsync(cancellationToken))
        {
            if (runtime.Registry.FindInterface(entry.GrainType) is { } grainInterface)
            {
                Schedule(new GrainId(grainInterface, entry.GrainKey), entry);
            }
            else
            {
                runtime.LogUnknownReminder(entry);
            }
        }
    }

    internal async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grain, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry(grain.TypeName, grain.Key, name, runtime.Clock.GetUtcNow() + dueTime, period);
        await runtime.Storage.UpsertReminderAsync(entry);
        Schedule(grain, entry);
        return new Handle(name);
    }

    internal async Task UnregisterAsync(GrainId grain, string name)
    {
        await runtime.Storage.RemoveReminderAsync(grain.TypeName, grain.Key, name);
        if (scheduled.TryRemove((grain, name), out var removed))
        {
            removed.Timer?.Dispose();
        }
    }

    internal IGrainReminder? Find(GrainId grain, string name) =>
        scheduled.ContainsKey((grain, name)) ? new Handle(name) : null;

    private void Schedule(GrainId grain, ReminderEntry entry)
    {
        var next = new Scheduled(grain, entry) { Service = this };
        Scheduled? previous = null;
        scheduled.AddOrUpdate((grain, entry.ReminderName), next, (_, old) =>
        {
            previous = old;
            return next;
        });
        previous?.Timer?.Dispose();

        var now = runtime.Clock.GetUtcNow();
        next.DueAt = entry.StartAt;
        while (next.DueAt < now)
        {
            next.DueAt += entry.Period;
        }

        next.Timer = runtime.Clock.CreateTimer(static s => ((Scheduled)s!).Service!.Fire((Scheduled)s!), next, next.DueAt - now, Timeout.InfiniteTimeSpan);
    }

    private void Fire(Scheduled reminder)
    {
        if (stopped || !scheduled.TryGetValue((reminder.Grain, reminder.Entry.ReminderName), out var current) || current != reminder)
        {
            return;
        }

        var now = runtime.Clock.GetUtcNow();
        var status = new TickStatus(reminder.Entry.StartAt, reminder.Entry.Period, now);
        var call = runtime.InvokeSystem(reminder.Grain, new ReminderRequest(reminder.Entry.ReminderName, status));
        call.ContinueWith(
            static (task, s) => ((GrainRuntime)s!).LogReminderFailure(task.Exception!.InnerException!),
            runtime,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        reminder.DueAt += reminder.Entry.Period;
        while (reminder.DueAt <= now)
        {
            reminder.DueAt += reminder.Entry.Period;
        }

        reminder.Timer?.Change(reminder.DueAt - now, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops firing; the rows stay stored for the next start.</summary>
    public void Dispose()
    {
        stopped = true;
        foreach (var reminder in scheduled.Values)
        {
            reminder.Timer?.Dispose();
        }

        scheduled.Clear();
    }

    private sealed class Scheduled(GrainId grain, ReminderEntry entry)
    {
        public GrainId Grain { get; } = grain;

        public ReminderEntry Entry { get; } = entry;

        public DateTimeOffset DueAt { get; set; }

        public ITimer? Timer { get; set; }

        public ReminderService? Service { get; set; }
    }

    private sealed record Handle(string ReminderName) : IGrainReminder;
}

/// <summary>A reminder tick delivered to a grain.</summary>
internal sealed class ReminderRequest(string reminderName, TickStatus status) : GrainRequest
{
    public override Type InterfaceType => typeof(IRemindable);

    public override string MethodName => nameof(IRemindable.ReceiveReminder);

    public override object?[] GetArguments() => [reminderName, status];

    public override Task InvokeGrain(object grain) => grain is IRemindable remindable
        ? remindable.ReceiveReminder(reminderName, status)
        : throw new InvalidOperationException($"{grain.GetType().FullName} has a reminder '{reminderName}' but does not implement IRemindable.");
}
