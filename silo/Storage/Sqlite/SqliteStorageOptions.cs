namespace LivingLab.Storage;

/// <summary>Where the SQLite store lives and how it batches; the app's default path is ./data/livinglab.db.</summary>
public sealed record SqliteStorageOptions(string Path)
{
    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Most idle read connections kept open.</summary>
    public int MaxPooledReaders { get; init; } = 4;
}
