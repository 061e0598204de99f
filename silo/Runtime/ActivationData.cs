namespace LivingLab.Runtime;

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    Activating,
    Active,
    Deactivating,
    Deactivated,
    Faulted,
}

/// <summary>
/// One activation of a grain and its scheduler: admits requests in arrival order under Orleans' interleaving
/// rules, and runs every piece of the grain's code (first run and each continuation) as a turn, one at a time.
/// </summary>
internal sealed partial class ActivationData : IRequestScheduler, IThreadPoolWorkItem
{
    private const int TurnsPerDrain = 64;

    private readonly object gate = new();
    private ActivationStatus status = ActivationStatus.Activating;
    private int running;
    private int runningReadOnly;
    private Queue<Queued>? waiting;
    private Queue<Turn>? turns;
    private bool turnScheduled;
    private long lastUsed;
    private DeactivationReason? pendingDeactivation;
    private bool drainBeforeDeactivate;
    private TaskCompletionSource? deactivatedSignal;

    public ActivationData(GrainRuntime runtime, GrainId id, Type grainClass, bool reentrant)
    {
        Runtime = runtime;
        Id = id;
        GrainClass = grainClass;
        IsReentrant = reentrant;
        lastUsed = runtime.Clock.GetTimestamp();
    }

    public GrainRuntime Runtime { get; }

    public GrainId Id { get; }

    public Type GrainClass { get; }

    public bool IsReentrant { get; }

    public Grain? Instance { get; private set; }

    /// <summary>True once no new request may enter: callers must look the grain up again.</summary>
    public bool IsGone => status >= ActivationStatus.Deactivated;

    public override string ToString() => Id.ToString();

    /// <summary>
    /// Submits a call. Runs it on the caller's thread when the activation is idle (no queue, no turn running),
    /// which keeps an uncontended call free of queues and task sources. Returns null when the activation is gone.
    /// </summary>
    public Task? Submit(GrainRequest request, bool allowInline, bool touch)
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivated)
            {
                return null;
            }

            if (touch)
            {
                lastUsed = Runtime.Clock.GetTimestamp();
            }

            // Calls through filters always queue: the filter pipeline needs the task source path.
            if (allowInline && Runtime.Filters.Length == 0 && status == ActivationStatus.Active && !turnScheduled && (waiting is null || waiting.Count == 0) && CanStart(request))
            {
                Admit(request);
                turnScheduled = true;
            }
            else
            {
                allowInline = false;
            }
        }

        return allowInline ? RunInline(request) : SubmitQueued(request);
    }

    private Task? SubmitQueued(GrainRequest request)
    {
        var completion = request.CreateCompletion();
        var callerContext = ExecutionContext.Capture();
        Runtime.Timeouts.Track(request);
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivated)
            {
                Runtime.Timeouts.Untrack(request);
                return null;
            }

            EnqueueLocked(new Queued(request, callerContext));
        }

        return completion;
    }

    /// <summary>Takes a request that was waiting on an activation that has since gone.</summary>
    public bool TryAccept(Queued queued)
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivated)
            {
                return false;
            }

            queued.Request.Scheduler = this;
            EnqueueLocked(queued);
            return true;
        }
    }

    private Task RunInline(GrainRequest request)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(request);
        Task task;
        try
        {
            task = request.InvokeGrain(Instance!);
        }
        catch (Exception exception)
        {
            task = request.FromException(exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        lock (gate)
        {
            turnScheduled = false;
            ScheduleTurnsLocked();
            if (task.IsCompleted)
            {
                ReleaseLocked(request);
                AfterReleaseLocked();
                return task;
            }
        }

        return AwaitInline(request, task);
    }

    // Kept apart from RunInline: its closure would otherwise be allocated on every call, even those that never wait.
    private Task AwaitInline(GrainRequest request, Task task)
    {
        // The grain awaits: from here on the caller waits on a completion that a timeout can fail.
        var completion = request.CreateCompletion();
        Runtime.Timeouts.Track(request);
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => OnRequestCompleted(request, task, null));
        return completion;
    }

    private void EnqueueLocked(Queued queued)
    {
        var request = queued.Request;
        var bypassesQueue = IsInterleaving(request) || waiting is null || waiting.Count == 0;
        if (status == ActivationStatus.Active && bypassesQueue && CanStart(request))
        {
            Admit(request);
            PushTurnLocked(new Turn(request, null, queued.CallerContext));
        }
        else
        {
            (waiting ??= new Queue<Queued>()).Enqueue(queued);
        }
    }

    private bool IsInterleaving(GrainRequest request) =>
        IsReentrant || (request.Flags & InvokeFlags.AlwaysInterleave) != 0;

    private static bool IsReadOnly(GrainRequest request) => (request.Flags & InvokeFlags.ReadOnly) != 0;

    // Orleans' MayInvokeRequest: nothing running, or the request interleaves, or all running ones are read-only and so is it.
    private bool CanStart(GrainRequest request) =>
        running == 0 || IsInterleaving(request) || (IsReadOnly(request) && running == runningReadOnly);

    private void Admit(GrainRequest request)
    {
        running++;
        if (IsReadOnly(request))
        {
            runningReadOnly++;
        }
    }

    private void ReleaseLocked(GrainRequest request)
    {
        running--;
        if (IsReadOnly(request))
        {
            runningReadOnly--;
        }
    }

    private void AfterReleaseLocked()
    {
        PumpLocked();
        MaybeDeactivateLocked();
    }

    private void PumpLocked()
    {
        while (status == ActivationStatus.Active && waiting is { Count: > 0 })
        {
            var next = waiting.Peek();
            if (next.Request.IsCallerDone)
            {
                // Its caller already gave up (timeout): drop it, as Orleans drops expired messages.
                waiting.Dequeue();
                continue;
            }

            if (!CanStart(next.Request))
            {
                break;
            }

            waiting.Dequeue();
            Admit(next.Request);
            PushTurnLocked(new Turn(next.Request, null, next.CallerContext));
        }
    }

    /// <summary>Called when a request's grain task has completed, on whatever thread completed it.</summary>
    private void OnRequestCompleted(GrainRequest request, Task grainTask, IncomingCallContext? filtered)
    {
        // Release first: a caller that has its answer must find the grain idle again (idle collection, shutdown).
        Runtime.Timeouts.Untrack(request);
        lock (gate)
        {
            ReleaseLocked(request);
            AfterReleaseLocked();
        }

        if (filtered is not null && grainTask.IsCompletedSuccessfully)
        {
            request.TrySetResult(filtered.Result);
        }
        else
        {
            request.TryComplete(grainTask);
        }
    }

    private void StartQueued(GrainRequest request, ExecutionContext? callerContext)
    {
        if (request.IsCallerDone)
        {
            lock (gate)
            {
                ReleaseLocked(request);
                AfterReleaseLocked();
            }

            return;
        }

        var previousContext = ExecutionContext.Capture();
        if (callerContext is not null)
        {
            ExecutionContext.Restore(callerContext);
        }

        Task task;
        IncomingCallContext? filtered = null;
        try
        {
            if (Runtime.Filters.Length > 0 && request is not TimerTickRequest)
            {
                filtered = new IncomingCallContext(this, request, Runtime.Filters);
                task = filtered.Invoke();
            }
            else
            {
                task = request.InvokeGrain(Instance!);
            }
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }
        finally
        {
            if (previousContext is not null)
            {
                ExecutionContext.Restore(previousContext);
            }
        }

        if (task.IsCompleted)
        {
            OnRequestCompleted(request, task, filtered);
        }
        else
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => OnRequestCompleted(request, task, filtered));
        }
    }

    /// <summary>Queues a continuation of a request's code as a turn (called through the request's synchronization context).</summary>
    public void Post(GrainRequest request, SendOrPostCallback callback, object? state)
    {
        lock (gate)
        {
            PushTurnLocked(new Turn(request, callback, state));
        }
    }

    private void PushTurnLocked(Turn turn)
    {
        (turns ??= new Queue<Turn>()).Enqueue(turn);
        if (!turnScheduled)
        {
            turnScheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void ScheduleTurnsLocked()
    {
        if (!turnScheduled && turns is { Count: > 0 })
        {
            turnScheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Drains queued turns, a bounded number at a time so one busy grain cannot hog a thread.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        for (var i = 0; i < TurnsPerDrain; i++)
        {
            Turn turn;
            lock (gate)
            {
                if (turns is null || turns.Count == 0)
                {
                    turnScheduled = false;
                    return;
                }

                turn = turns.Dequeue();
            }

            RunTurn(turn);
        }

        lock (gate)
        {
            if (turns is null || turns.Count == 0)
            {
                turnScheduled = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void RunTurn(Turn turn)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(turn.Request);
        try
        {
            if (turn.Callback is { } callback)
            {
                callback(turn.State);
            }
            else if (turn.Request is LifecycleRequest lifecycle)
            {
                lifecycle.Start();
            }
            else
            {
                StartQueued(turn.Request, (ExecutionContext?)turn.State);
            }
        }
        catch (Exception exception)
        {
            Runtime.LogTurnFailure(this, exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>A piece of grain code to run: a continuation (callback and state), or the start of a request (state: the caller's context).</summary>
    private readonly record struct Turn(GrainRequest Request, SendOrPostCallback? Callback, object? State);

    /// <summary>A call waiting to start, with the caller's execution context so RequestContext flows into it.</summary>
    internal readonly record struct Queued(GrainRequest Request, ExecutionContext? CallerContext);
}
