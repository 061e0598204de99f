namespace LivingLab.Tests.Storage;

/// <summary>The storage contract against PostgreSQL with two writer connections (lanes) instead of the default one.</summary>
public sealed class PostgresTwoWriterStorageContractTests(PostgresTwoWriterStoreFixture fixture)
    : StorageContractTests, IClassFixture<PostgresTwoWriterStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
