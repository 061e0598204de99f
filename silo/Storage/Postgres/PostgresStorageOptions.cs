namespace LivingLab.Storage;

/// <summary>How to reach the PostgreSQL store and how it batches.</summary>
public sealed record PostgresStorageOptions(string ConnectionString)
{
    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>
    /// Writer connections committing batches concurrently, each state id always on the same one. One is the default:
    /// on the 2-core development machine two gave smaller batches and 10-50% fewer writes per second. Whatever the
    /// number, event appends hold an advisory lock until COMMIT, so positions become visible in order and a read model's
    /// checkpoint never passes an event that commits later (also across several processes on one database).
    /// </summary>
    public int WriterConnections { get; init; } = 1;
}
