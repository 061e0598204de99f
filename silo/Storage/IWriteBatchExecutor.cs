namespace LivingLab.Storage;

/// <summary>Provider side of group commit: applies a batch of writes in one transaction on the writer thread.</summary>
internal interface IWriteBatchExecutor : IDisposable
{
    /// <summary>
    /// Applies every write in one transaction and commits, recording each write's outcome (new version or version conflict)
    /// on it. Throws, after rolling back, when anything unexpected happens.
    /// </summary>
    void Execute(IReadOnlyList<PendingWrite> batch);

    /// <summary>Drops connections and prepared commands after a failure, so the next batch starts clean.</summary>
    void Reset();
}
