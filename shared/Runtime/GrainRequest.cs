using System.ComponentModel;

namespace LivingLab.Runtime;

/// <summary>Scheduling flags of an interface method, read from its attributes by the code generator.</summary>
[Flags]
public enum InvokeFlags
{
    None = 0,
    AlwaysInterleave = 1,
    ReadOnly = 2,
}

/// <summary>Runs the turns of the activation that executes a request.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRequestScheduler
{
    /// <summary>Queues a continuation of <paramref name="request"/> as a turn of its activation.</summary>
    void Post(GrainRequest request, SendOrPostCallback callback, object? state);
}

/// <summary>
/// One call to a grain method, made by the generated proxy and holding the arguments (Orleans' "invokable").
/// While the grain runs it, the request is also the synchronization context, so every continuation of the
/// grain's code comes back as a turn of its activation and the runtime knows which call it belongs to.
/// </summary>
public abstract class GrainRequest : SynchronizationContext
{
    /// <summary>The interface that declares the method.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>The method's name, for filters, logs and error messages.</summary>
    public abstract string MethodName { get; }

    /// <summary>How this method may interleave.</summary>
    public virtual InvokeFlags Flags => InvokeFlags.None;

    /// <summary>The arguments, for call filters. Allocates: not for the hot path.</summary>
    public abstract object?[] GetArguments();

    /// <summary>Calls the method on the grain instance.</summary>
    public abstract Task InvokeGrain(object grain);

    /// <summary>Set by the runtime: the activation that runs this request.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IRequestScheduler? Scheduler { get; set; }

    /// <summary>Set by the runtime: the request whose turn made this call, for deadlock detection.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public GrainRequest? Parent { get; set; }

    /// <summary>Creates the task the caller awaits when the call cannot complete inline.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual Task CreateCompletion()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CompletionSource = source;
        return source.Task;
    }

    /// <summary>Completes the caller's task from the grain's task, which has completed.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual bool TryComplete(Task grainTask)
    {
        var source = (TaskCompletionSource)CompletionSource!;
        if (grainTask.IsCompletedSuccessfully)
        {
            return source.TrySetResult();
        }

        return grainTask.IsCanceled ? source.TrySetCanceled() : source.TrySetException(grainTask.Exception!.InnerExceptions);
    }

    /// <summary>Completes the caller's task with a result a call filter produced.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual bool TrySetResult(object? result) => ((TaskCompletionSource)CompletionSource!).TrySetResult();

    /// <summary>The value of a completed grain task of this request, for call filters.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual object? ResultOf(Task grainTask) => null;

    /// <summary>A failed task of this request's result type, for failures before the grain runs.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual Task FromException(Exception exception) => Task.FromException(exception);

    /// <summary>True once the caller's task has completed (answered, failed or timed out).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool IsCallerDone => CompletionSource is not null && CallerTask!.IsCompleted;

    private Task? CallerTask => CompletionSource switch
    {
        TaskCompletionSource source => source.Task,
        _ => CallerTaskOf(CompletionSource!),
    };

    /// <summary>The caller's task behind a typed task source.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual Task? CallerTaskOf(object completionSource) => null;

    /// <summary>Fails the caller's task (timeout, deadlock, failed activation).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual bool TryFail(Exception exception) => ((TaskCompletionSource)CompletionSource!).TrySetException(exception);

    /// <summary>The caller's pending task source, once created.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public object? CompletionSource { get; set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Scheduler is { } scheduler)
        {
            scheduler.Post(this, d, state);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.d(s.state), (d, state), preferLocal: false);
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain turns cannot be entered synchronously.");

    public override SynchronizationContext CreateCopy() => this;

    public override string ToString() => $"{InterfaceType.Name}.{MethodName}";
}

/// <summary>A request whose method returns a value.</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on the grain instance.</summary>
    public abstract Task<TResult> Invoke(object grain);

    public sealed override Task InvokeGrain(object grain) => Invoke(grain);

    public override Task CreateCompletion()
    {
        var source = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        CompletionSource = source;
        return source.Task;
    }

    public override bool TryComplete(Task grainTask)
    {
        var source = (TaskCompletionSource<TResult>)CompletionSource!;
        if (grainTask.IsCompletedSuccessfully)
        {
            return source.TrySetResult(((Task<TResult>)grainTask).Result);
        }

        return grainTask.IsCanceled ? source.TrySetCanceled() : source.TrySetException(grainTask.Exception!.InnerExceptions);
    }

    public override bool TryFail(Exception exception) => ((TaskCompletionSource<TResult>)CompletionSource!).TrySetException(exception);

    public override bool TrySetResult(object? result) => ((TaskCompletionSource<TResult>)CompletionSource!).TrySetResult((TResult)result!);

    public override Task FromException(Exception exception) => Task.FromException<TResult>(exception);

    public override object? ResultOf(Task grainTask) => ((Task<TResult>)grainTask).Result;

    protected override Task? CallerTaskOf(object completionSource) => ((TaskCompletionSource<TResult>)completionSource).Task;
}
