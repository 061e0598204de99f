namespace LivingLab.Tests.Storage;

/// <summary>The Data Protection key repository on a real PostgreSQL server (see <see cref="PostgresStoreFixture"/>).</summary>
public sealed class PostgresDataProtectionKeyRepositoryTests(PostgresStoreFixture fixture)
    : DataProtectionKeyRepositoryTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
