namespace LivingLab.Storage;

/// <summary>How to reach the PostgreSQL store and how it batches.</summary>
public sealed record PostgresStorageOptions(string ConnectionString)
{
    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>
    /// Writer connections committing batches concurrently: one batch applies its state changes while the previous one
    /// waits for its commit to be flushed. Two measured better than one here; three no better than two.
    /// </summary>
    public int WriterConnections { get; init; } = 2;
}
