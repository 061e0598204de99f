using System.Data.Common;

namespace LivingLab.ReadModel;

/// <summary>
/// The store's database as read models see it: connections for their own tables (lists, search, dashboards),
/// in the same database as grain state and the event log, with SQL both providers accept.
/// </summary>
public interface IReadModelDatabase
{
    /// <summary>"Sqlite" or "Postgres", for the few statements that differ.</summary>
    string ProviderName { get; }

    /// <summary>Opens a connection; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Held around a read-model write transaction. Where the store has one write lock for everything (SQLite) this
    /// queues behind the grain writer instead of polling for the lock; where writers do not block each other
    /// (PostgreSQL) it is free.
    /// </summary>
    Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default) => Task.FromResult<IDisposable>(NoTurn.Instance);

    /// <summary>
    /// Takes, for the rest of <paramref name="transaction"/>, the lock that lets one projection batch run at a time across
    /// every process on this database. SQLite's write transaction is that lock already; PostgreSQL takes an advisory lock.
    /// </summary>
    Task LockProjectionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default) => Task.CompletedTask;

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
