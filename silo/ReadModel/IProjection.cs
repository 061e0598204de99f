using System.Data.Common;
using LivingLab.Storage;

namespace LivingLab.ReadModel;

/// <summary>
/// A read model fed from the event log in order. The runner applies a batch of events and moves the projection's
/// checkpoint in one transaction, so each event is applied exactly once, and a rebuild starts again from zero.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name: the key of the projection's checkpoint.</summary>
    string Name { get; }

    /// <summary>Applies one event inside the runner's transaction.</summary>
    Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Deletes everything the projection wrote, before a rebuild from the first event.</summary>
    Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
