using System.Collections.Concurrent;
using System.Reflection;
using LivingLab.Storage;
using Microsoft.Extensions.Logging;

namespace LivingLab.Runtime;

/// <summary>
/// The grain runtime of one process (Orleans' silo): the activation directory, call dispatch with deadlock
/// detection and timeouts, idle collection, reminders and graceful shutdown.
/// </summary>
public sealed partial class GrainRuntime : IGrainFactory, IGrainCallRuntime, IAsyncDisposable
{
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private ITimer? collector;
    private volatile bool accepting;
    private int stopped;

    public GrainRuntime(
        IServiceProvider services,
        IGrainStorage storage,
        GrainTypeRegistry registry,
        SiloOptions options,
        TimeProvider clock,
        ILogger<GrainRuntime> logger,
        IEnumerable<IIncomingGrainCallFilter> filters)
    {
        Services = services;
        Storage = storage;
        Registry = registry;
        Options = options;
        Clock = clock;
        this.logger = logger;
        Filters = [.. filters];
        Activator = new GrainActivator(services);
        Timeouts = new CallTimeouts(clock, options.DefaultCallTimeout);
        Reminders = new ReminderService(this);
    }

    public IServiceProvider Services { get; }

    public IGrainStorage Storage { get; }

    public GrainTypeRegistry Registry { get; }

    public SiloOptions Options { get; }

    public TimeProvider Clock { get; }

    /// <summary>
    /// Raised after a state write that appended events is durable, so readers of the event log (the projection runner)
    /// can look at once instead of on their next poll. Handlers must be cheap and must not throw.
    /// </summary>
    public event Action? EventsWritten;

    internal void OnEventsWritten() => EventsWritten?.Invoke();

    public ReminderService Reminders { get; }

    /// <summary>How many activations are in the directory.</summary>
    public int ActivationCount => Directory.Count;

    /// <summary>Calls waiting for an answer (for metrics).</summary>
    public int PendingCallCount => Timeouts.PendingCount;

    internal ConcurrentDictionary<GrainId, ActivationData> Directory { get; } = new();

    internal IIncomingGrainCallFilter[] Filters { get; }

    internal GrainActivator Activator { get; }

    internal CallTimeouts Timeouts { get; }

    internal CancellationToken StoppingToken => stopping.Token;

    /// <summary>Brings the store's schema up to date, loads reminders and starts idle collection.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Storage.MigrateAsync(cancellationToken);
        accepting = true;
        await Reminders.StartAsync(cancellationToken);
        collector = Clock.CreateTimer(static s => ((GrainRuntime)s!).CollectIdle(), this, Options.CollectionInterval, Options.CollectionInterval);
    }

    /// <summary>
    /// Stops taking calls from outside, lets running and queued calls finish (their writes complete), deactivates
    /// every grain, then closes the store once its last write is durable.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        accepting = false;
        collector?.Dispose();
        Reminders.Dispose();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Options.ShutdownTimeout);

        // Deactivating grains may call others and so create activations: repeat until none is left.
        while (!Directory.IsEmpty && !limit.IsCancellationRequested)
        {
            var deactivations = Directory.Values.Select(a => a.ShutdownAsync()).ToArray();
            try
            {
                await Task.WhenAll(deactivations).WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                LogShutdownTimeout(Directory.Count);
            }
        }

        stopping.Cancel();
        Timeouts.Dispose();
        await Storage.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        if (string.IsNullOrWhiteSpace(primaryKey))
        {
            throw new ArgumentException($"A grain key must not be empty ({typeof(TGrainInterface).Name}).", nameof(primaryKey));
        }

        return (TGrainInterface)(object)GetReference(typeof(TGrainInterface), primaryKey);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey
    {
        if (primaryKey == Guid.Empty)
        {
            throw new ArgumentException($"A grain key must not be the empty GUID ({typeof(TGrainInterface).Name}).", nameof(primaryKey));
        }

        return (TGrainInterface)(object)GetReference(typeof(TGrainInterface), primaryKey.ToString("D"));
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver =>
        obj is TGrainObserverInterface observer
            ? observer
            : throw new ArgumentException($"{obj.GetType().FullName} does not implement {typeof(TGrainObserverInterface).FullName}.", nameof(obj));

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        // Observer references are the local objects themselves: there is nothing to release.
    }

    /// <summary>A reference by interface type, for callers that only know the type at run time.</summary>
    public GrainReference GetReference(Type grainInterface, string key)
    {
        if (Registry.FindImplementation(grainInterface) is null)
        {
            throw new ArgumentException(
                $"No grain class implements {grainInterface.FullName}. Add the assembly that holds it with AddGrains(...).",
                nameof(grainInterface));
        }

        var factory = GrainProxyFactories.Find(grainInterface)
            ?? throw new ArgumentException($"{grainInterface.FullName} has no generated proxy: it must be an interface deriving from IGrainWithStringKey or IGrainWithGuidKey.", nameof(grainInterface));
        return factory(this, new GrainId(grainInterface, key));
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request) =>
        (Task<TResult>)Invoke(target, request);

    public Task InvokeAsync(GrainReference target, GrainRequest request) => Invoke(target, request);

    /// <summary>Delivers a runtime-originated call (a reminder tick), activating the grain if needed.</summary>
    internal Task InvokeSystem(GrainId grain, GrainRequest request) => Invoke(GetReference(grain.Interface, grain.Key), request);

    private Task Invoke(GrainReference target, GrainRequest request)
    {
        var caller = SynchronizationContext.Current as GrainRequest;
        if (!accepting && caller is null)
        {
            return request.FromException(new InvalidOperationException(
                Volatile.Read(ref stopped) == 1 ? "The grain runtime is shutting down." : "The grain runtime has not been started."));
        }

        request.Parent = caller;
        while (true)
        {
            if (target.CachedActivation is not ActivationData activation || activation.IsGone)
            {
                activation = GetOrCreateActivation(target.GrainId);
                target.CachedActivation = activation;
            }

            if (caller is not null && FindCycle(caller, activation, request) is { } cycle)
            {
                return request.FromException(cycle);
            }

            request.Scheduler = activation;
            if (activation.Submit(request, allowInline: caller is null, touch: true) is { } task)
            {
                return task;
            }

            target.CachedActivation = null;
        }
    }

    /// <summary>Sends a call that was waiting on an activation that has gone to a new activation.</summary>
    internal void Forward(ActivationData from, ActivationData.Queued queued)
    {
        while (!GetOrCreateActivation(from.Id).TryAccept(queued))
        {
        }
    }

    private ActivationData GetOrCreateActivation(GrainId id)
    {
        if (Directory.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var grainClass = Registry.FindImplementation(id.Interface)
            ?? throw new ArgumentException($"No grain class implements {id.Interface.FullName}.");
        var created = new ActivationData(this, id, grainClass, grainClass.GetCustomAttribute<ReentrantAttribute>() is not null);
        var winner = Directory.GetOrAdd(id, created);
        if (winner == created)
        {
            created.BeginActivation();
        }

        return winner;
    }

    /// <summary>
    /// A call to an activation that is already waiting further up this call chain can never run on a
    /// non-reentrant grain: report the cycle now rather than after the timeout.
    /// </summary>
    private static DeadlockException? FindCycle(GrainRequest caller, ActivationData target, GrainRequest request)
    {
        var waiting = caller;
        while (waiting is not null && waiting.Scheduler != target)
        {
            waiting = waiting.Parent;
        }

        var interleaves = waiting is null
            || target.IsReentrant
            || (request.Flags & InvokeFlags.AlwaysInterleave) != 0
            || ((request.Flags & InvokeFlags.ReadOnly) != 0 && (waiting.Flags & InvokeFlags.ReadOnly) != 0);
        if (interleaves)
        {
            return null;
        }

        var chain = new List<GrainId>();
        for (var link = caller; link != waiting; link = link.Parent!)
        {
            chain.Add(((ActivationData)link.Scheduler!).Id);
        }

        chain.Add(target.Id);
        chain.Reverse();
        chain.Add(target.Id);
        var path = string.Join(" → ", chain);
        return new DeadlockException(
            $"Deadlock: {path}. {target.Id}.{request.MethodName} cannot run while {target.Id} waits for this call chain. " +
            "Mark the grain [Reentrant] or the method [AlwaysInterleave], or break the cycle.",
            chain);
    }

    private void CollectIdle()
    {
        var now = Clock.GetTimestamp();
        foreach (var activation in Directory.Values)
        {
            activation.CollectIfIdle(now, Options.CollectionAge);
        }
    }

    internal void LogTurnFailure(ActivationData activation, Exception exception) => TurnFailed(logger, activation.Id, exception);

    internal void LogActivationFailure(ActivationData activation, Exception exception) => ActivationFailed(logger, activation.Id, exception);

    internal void LogDeactivationFailure(ActivationData activation, Exception exception) => DeactivationFailed(logger, activation.Id, exception);

    internal void LogTimerFailure(ActivationData activation, Exception exception) => TimerFailed(logger, activation.Id, exception);

    internal void LogReminderFailure(Exception exception) => ReminderFailed(logger, exception);

    internal void LogUnknownReminder(ReminderEntry entry) => UnknownReminder(logger, entry.GrainType, entry.ReminderName);

    private void LogShutdownTimeout(int remaining) => ShutdownTimedOut(logger, remaining);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn of {Grain} failed outside any call")]
    private static partial void TurnFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of {Grain} failed")]
    private static partial void ActivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {Grain} failed")]
    private static partial void DeactivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer tick of {Grain} failed")]
    private static partial void TimerFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder tick failed")]
    private static partial void ReminderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} names grain type {GrainType}, which this runtime does not know; it stays stored")]
    private static partial void UnknownReminder(ILogger logger, string grainType, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timed out with {Remaining} activations left")]
    private static partial void ShutdownTimedOut(ILogger logger, int remaining);
}
