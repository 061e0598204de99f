namespace LivingLab.Storage;

/// <summary>One caller's write waiting in the group-commit queue, with the outcome its batch decided for it.</summary>
internal sealed class PendingWrite
{
    private readonly TaskCompletionSource<long> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingWrite(StateWrite write, CancellationToken cancellationToken)
    {
        Write = write;
        CancellationToken = cancellationToken;
    }

    public StateWrite Write { get; }

    public CancellationToken CancellationToken { get; }

    public Task<long> Task => completion.Task;

    public long NewVersion { get; private set; }

    public Exception? Rejection { get; private set; }

    public void Applied(long newVersion)
    {
        NewVersion = newVersion;
        Rejection = null;
    }

    public void Rejected(Exception rejection) => Rejection = rejection;

    // A retried write must not carry the outcome of the batch that was rolled back.
    public void ResetOutcome()
    {
        NewVersion = 0;
        Rejection = null;
    }

    // Called only after COMMIT, so an acknowledged write is a durable one.
    public void Publish()
    {
        if (Rejection is null)
        {
            completion.TrySetResult(NewVersion);
        }
        else
        {
            completion.TrySetException(Rejection);
        }
    }

    public void Fail(Exception exception) => completion.TrySetException(exception);

    // Cancellation is honoured only before the write joins a batch: once it may commit, its caller must learn the outcome.
    public bool CancelIfRequested() =>
        CancellationToken.IsCancellationRequested && completion.TrySetCanceled(CancellationToken);
}
