namespace LivingLab.Tests.Storage;

/// <summary>The Data Protection key repository on SQLite files.</summary>
public sealed class SqliteDataProtectionKeyRepositoryTests(SqliteStoreFixture fixture)
    : DataProtectionKeyRepositoryTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
