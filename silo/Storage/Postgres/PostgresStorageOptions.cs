namespace LivingLab.Storage;

/// <summary>How to reach the PostgreSQL store and how it batches.</summary>
public sealed record PostgresStorageOptions(string ConnectionString)
{
    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>
    /// Writer connections committing batches concurrently, each state id always on the same one. One is the default:
    /// on the 2-core development machine two gave smaller batches and 10-50% fewer writes per second. With one, event
    /// positions are also handed out in commit order, which read models rely on: with several, a reader could pass a
    /// position whose transaction has not committed yet and never see that event.
    /// </summary>
    public int WriterConnections { get; init; } = 1;
}
