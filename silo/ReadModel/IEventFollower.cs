using System.Data.Common;
using LivingLab.Storage;

namespace LivingLab.ReadModel;

/// <summary>
/// A reader of the event log in THIS process, for what is per node (live pages, output caches): it sees every event,
/// in log order, once the shared read models hold it, whichever node applied them. Nothing is stored: a node that starts
/// follows from where the read models stand, since the past needs no live signal.
/// </summary>
public interface IEventFollower
{
    /// <summary>Takes in a batch of events the read models hold now; <paramref name="connection"/> reads them.</summary>
    Task FollowAsync(IReadOnlyList<StoredEvent> events, DbConnection connection, CancellationToken cancellationToken);
}
