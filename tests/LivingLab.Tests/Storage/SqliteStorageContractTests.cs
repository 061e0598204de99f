namespace LivingLab.Tests.Storage;

/// <summary>The storage contract against SQLite files.</summary>
public sealed class SqliteStorageContractTests(SqliteStoreFixture fixture) : StorageContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
