using System.Data.Common;

namespace LivingLab.Storage;

/// <summary>The store's database as the Data Protection key repository sees it: connections opened on the calling thread.</summary>
/// <remarks>
/// Data Protection reads and writes its key ring synchronously, inside whichever request first needs a key. A blocking
/// open keeps that honest, where blocking on an asynchronous open would hold one thread-pool thread while waiting for
/// another to finish the open, which under load may never come.
/// </remarks>
internal interface IDataProtectionKeyDatabase
{
    /// <summary>Opens a connection to the store's database; the caller disposes it.</summary>
    DbConnection OpenConnection();
}
