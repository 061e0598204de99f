namespace LivingLab.Storage;

/// <summary>
/// Takes turns at SQLite's one write lock inside this process. A writer that finds the file locked is left to
/// SQLite's busy handler, which sleeps 1, 2, 5, 10, 15… ms between tries and so often wakes long after the lock
/// came free; queueing here instead hands the lock over the moment the holder lets go. The grain writer and the
/// projection runner both pass through it, which is what keeps a vote's p99 flat while read models catch up.
/// </summary>
internal sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for the turn on the calling thread (the group-commit writer's own thread).</summary>
    public IDisposable Enter()
    {
        turn.Wait();
        return new Turn(turn);
    }

    /// <summary>Waits for the turn without blocking a thread.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
