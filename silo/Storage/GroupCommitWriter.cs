using System.Threading.Channels;

namespace LivingLab.Storage;

/// <summary>
/// Collects concurrent writes into batches and commits each batch in one transaction on a dedicated thread (a lane),
/// so many callers share one durable commit (one fsync) instead of paying for one each.
/// </summary>
/// <remarks>
/// With several lanes, each grain always goes to the same lane, so writes to one state apply in the order they
/// were queued even when the caller does not wait for one before sending the next.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite>[] queues;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int maxBatchSize;
    private readonly string name;
    private int runningLanes;

    /// <param name="executors">One per lane; lanes commit batches concurrently, each on its own connection.</param>
    public GroupCommitWriter(IReadOnlyList<IWriteBatchExecutor> executors, int maxBatchSize, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfZero(executors.Count);
        this.maxBatchSize = maxBatchSize;
        this.name = name;
        runningLanes = executors.Count;
        queues = new Channel<PendingWrite>[executors.Count];
        for (var lane = 0; lane < executors.Count; lane++)
        {
            queues[lane] = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
        }

        // Dedicated threads because providers use synchronous ADO.NET here: it is the fastest path, and
        // blocking on fsync must not starve the thread pool that the callers' continuations need.
        for (var lane = 0; lane < executors.Count; lane++)
        {
            var executor = executors[lane];
            var queue = queues[lane];
            var thread = new Thread(() => Run(queue, executor)) { IsBackground = true, Name = $"{name}-{lane}" };
            thread.Start();
        }
    }

    public Task<long> EnqueueAsync(StateWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(cancellationToken);
        }

        var pending = new PendingWrite(write, cancellationToken);
        // By grain, not by state: a grain's states share its row sets, so all of its writes must apply in queue order.
        var lane = queues.Length == 1 ? 0 : (int)((uint)HashCode.Combine(write.Id.GrainType, write.Id.GrainKey) % (uint)queues.Length);
        if (!queues[lane].Writer.TryWrite(pending))
        {
            return Task.FromException<long>(new ObjectDisposedException(name));
        }

        return pending.Task;
    }

    /// <summary>Stops accepting writes, lets every queued write finish, then releases the provider's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues)
        {
            queue.Writer.TryComplete();
        }

        await stopped.Task.ConfigureAwait(false);
    }

    private void Run(Channel<PendingWrite> queue, IWriteBatchExecutor executor)
    {
        var batch = new List<PendingWrite>(maxBatchSize);
        try
        {
            while (WaitForWork(queue))
            {
                while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var pending))
                {
                    if (!pending.CancelIfRequested())
                    {
                        batch.Add(pending);
                    }
                }

                if (batch.Count > 0)
                {
                    CommitBatch(executor, batch);
                    batch.Clear();
                }
            }
        }
        catch (Exception e)
        {
            // Only a bug gets here; fail every caller rather than leave them waiting forever.
            queue.Writer.TryComplete(e);
            foreach (var pending in batch)
            {
                pending.Fail(e);
            }

            while (queue.Reader.TryRead(out var pending))
            {
                pending.Fail(e);
            }
        }
        finally
        {
            executor.Dispose();
            if (Interlocked.Decrement(ref runningLanes) == 0)
            {
                stopped.TrySetResult();
            }
        }
    }

    private static bool WaitForWork(Channel<PendingWrite> queue)
    {
        var wait = queue.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private static void CommitBatch(IWriteBatchExecutor executor, List<PendingWrite> batch)
    {
        try
        {
            executor.Execute(batch);
        }
        catch (Exception e)
        {
            executor.Reset();
            if (batch.Count == 1)
            {
                batch[0].Fail(e);
                return;
            }

            // The batch was rolled back as a whole; replaying each write alone confines the fault to the write that caused it.
            foreach (var pending in batch)
            {
                CommitAlone(executor, pending);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Publish();
        }
    }

    private static void CommitAlone(IWriteBatchExecutor executor, PendingWrite pending)
    {
        pending.ResetOutcome();
        try
        {
            executor.Execute([pending]);
        }
        catch (Exception e)
        {
            executor.Reset();
            pending.Fail(e);
            return;
        }

        pending.Publish();
    }
}
