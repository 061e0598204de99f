using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>One database (file or server database) that tests can open any number of storage instances over.</summary>
public interface ITestStore
{
    /// <summary>A new storage instance over this database; the caller disposes it.</summary>
    IStateStore Open();

    /// <summary>Every migration this provider ships, by number (SQLite and PostgreSQL differ: Orleans' cluster tables live only on PostgreSQL).</summary>
    IReadOnlyList<long> ShippedMigrations { get; }

    /// <summary>The versions recorded in schema_migrations, read directly with SQL.</summary>
    Task<IReadOnlyList<long>> ReadAppliedMigrationsAsync();
}

/// <summary>Hands out databases for one test class: a shared one, and fresh empty ones on demand.</summary>
public interface ITestStoreFactory
{
    Task<ITestStore> SharedAsync();

    Task<ITestStore> CreateFreshAsync();
}
