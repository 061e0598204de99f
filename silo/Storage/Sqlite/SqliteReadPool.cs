using System.Collections.Concurrent;

namespace LivingLab.Storage;

/// <summary>A small pool of open side connections, so reads skip opening a file and preparing statements each time.</summary>
internal sealed class SqliteReadPool : IDisposable
{
    private readonly ConcurrentBag<SqliteReadSession> idle = [];
    private readonly string connectionString;
    private readonly int maxIdle;
    private volatile bool disposed;

    public SqliteReadPool(string connectionString, int maxIdle)
    {
        this.connectionString = connectionString;
        this.maxIdle = maxIdle;
    }

    public T Use<T>(Func<SqliteReadSession, T> read)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var session = idle.TryTake(out var pooled) ? pooled : new SqliteReadSession(connectionString);
        try
        {
            var result = read(session);
            Return(session);
            return result;
        }
        catch
        {
            // The connection may be in a bad state; a fresh one costs little.
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private void Return(SqliteReadSession session)
    {
        if (disposed || idle.Count >= maxIdle)
        {
            session.Dispose();
            return;
        }

        idle.Add(session);
        // Dispose may have drained the pool between the check above and the Add.
        while (disposed && idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
