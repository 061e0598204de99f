namespace LivingLab.Tests.Storage;

/// <summary>The storage contract against a real PostgreSQL server (see <see cref="PostgresStoreFixture"/>).</summary>
public sealed class PostgresStorageContractTests(PostgresStoreFixture fixture) : StorageContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
