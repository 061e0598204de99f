using LivingLab.Storage;

namespace LivingLab.Rows;

/// <summary>
/// Writes a grain's state, events and row changes, folding every change that arrives while a write is in flight into
/// the next single write: the store's group commit, one level up. A hot idea then takes thousands of votes a second
/// (each vote no longer waits for the previous vote's fsync) while every write still carries state, events and rows
/// together.
/// <para>
/// Why it stays consistent: a grain changes its in-memory state and calls <see cref="CommitAsync"/> in the same turn, and
/// turns of one activation never overlap, so the state serialized when a write starts holds exactly the changes whose
/// events and rows that write carries. If a write fails, every change waiting behind it fails too: the runtime drops
/// the activation after a failed write, so those in-memory changes are gone with it and nobody is told they were kept.
/// </para>
/// Every write of a grain that uses this must go through it, or two writes could race on the state's version. And a grain
/// must not await between changing its state and calling <see cref="CommitAsync"/>: load what it needs first.
/// </summary>
internal sealed class StateCommitter<TState>(IEventedState<TState> state)
{
    private List<DomainEvent> events = [];
    private List<RowChange> rows = [];
    private TaskCompletionSource? next;
    private Task lastBatch = Task.CompletedTask;
    private bool writing;
    private Exception? failure;

    /// <summary>Commits the current state with these events and rows; completes once they are durable.</summary>
    public Task CommitAsync(IReadOnlyList<DomainEvent> newEvents, IReadOnlyList<RowChange>? newRows = null)
    {
        if (failure is not null)
        {
            // The in-memory state holds changes the store refused; writing it now would store them without their rows.
            return Task.FromException(failure);
        }

        events.AddRange(newEvents);
        if (newRows is not null)
        {
            rows.AddRange(newRows);
        }

        next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = lastBatch = next.Task;
        if (!writing)
        {
            writing = true;
            // Runs on as turns of this activation (the caller's request is the synchronization context), not on the thread pool.
            _ = PumpAsync();
        }

        return done;
    }

    /// <summary>
    /// Completes when every change committed so far is durable (fails if its write failed). A refusal that rests on an
    /// in-memory change ("you already voted") waits for this, so nobody is told of a vote the store never took.
    /// </summary>
    public Task WhenDurableAsync() => failure is not null ? Task.FromException(failure) : lastBatch;

    private async Task PumpAsync()
    {
        try
        {
            while (next is { } batch)
            {
                next = null;
                var batchEvents = events;
                var batchRows = rows;
                events = [];
                rows = [];
                try
                {
                    await state.WriteStateAsync(batchEvents, batchRows);
                }
                catch (Exception exception)
                {
                    failure = exception;
                    batch.TrySetException(exception);
                    next?.TrySetException(exception);
                    next = null;
                    events = [];
                    rows = [];
                    return;
                }

                batch.TrySetResult();
            }
        }
        finally
        {
            writing = false;
        }
    }
}
