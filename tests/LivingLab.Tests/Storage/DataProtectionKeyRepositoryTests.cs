using System.Xml.Linq;
using LivingLab.ReadModel;
using LivingLab.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivingLab.Tests.Storage;

/// <summary>
/// The Data Protection key repository over each provider. Every test takes a fresh database: the key table is one per
/// store, and two store instances over it stand for two nodes.
/// </summary>
public abstract class DataProtectionKeyRepositoryTests : IAsyncLifetime
{
    private readonly List<IStateStore> opened = [];
    private ITestStore store = null!;

    protected abstract ITestStoreFactory Stores { get; }

    public async Task InitializeAsync() => store = await Stores.CreateFreshAsync();

    public async Task DisposeAsync()
    {
        foreach (var storage in opened)
        {
            await storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnEmptyStoreHoldsNoElements()
    {
        var repository = await RepositoryAsync();

        Assert.Empty(repository.GetAllElements());
    }

    [Fact]
    public async Task StoredElementsAreReadBackAsTheyWereGiven()
    {
        var repository = await RepositoryAsync();
        var first = Key("6f1c1c3e-0000-4000-8000-000000000001", "ぷろてくと");
        var second = Key("6f1c1c3e-0000-4000-8000-000000000002", "<&>\"'");

        repository.StoreElement(first, "key-6f1c1c3e-0000-4000-8000-000000000001");
        repository.StoreElement(second, "key-6f1c1c3e-0000-4000-8000-000000000002");
        var read = repository.GetAllElements();

        Assert.Equal(2, read.Count);
        Assert.Contains(read, e => XNode.DeepEquals(e, first));
        Assert.Contains(read, e => XNode.DeepEquals(e, second));
    }

    [Fact]
    public async Task ElementsStoredThroughOneStoreInstanceAreReadThroughAnother()
    {
        var nodeA = await RepositoryAsync();
        var nodeB = await RepositoryAsync();
        var element = Key("6f1c1c3e-0000-4000-8000-00000000000a", "a");

        nodeA.StoreElement(element, "key-6f1c1c3e-0000-4000-8000-00000000000a");

        Assert.True(XNode.DeepEquals(element, Assert.Single(nodeB.GetAllElements())));
    }

    [Fact]
    public async Task StoringANameThatIsAlreadyStoredDoesNotFailAndKeepsTheStoredElement()
    {
        var nodeA = await RepositoryAsync();
        var nodeB = await RepositoryAsync();
        var stored = Key("6f1c1c3e-0000-4000-8000-00000000000b", "first");

        nodeA.StoreElement(stored, "key-6f1c1c3e-0000-4000-8000-00000000000b");
        nodeB.StoreElement(Key("6f1c1c3e-0000-4000-8000-00000000000b", "second"), "key-6f1c1c3e-0000-4000-8000-00000000000b");
        nodeA.StoreElement(stored, "key-6f1c1c3e-0000-4000-8000-00000000000b");

        Assert.True(XNode.DeepEquals(stored, Assert.Single(nodeA.GetAllElements())));
    }

    [Fact]
    public async Task AnElementStoredWithoutAFriendlyNameIsKeptUnderANameOfItsOwn()
    {
        var repository = await RepositoryAsync();

        repository.StoreElement(Key("6f1c1c3e-0000-4000-8000-00000000000c", "c"), "");
        repository.StoreElement(Key("6f1c1c3e-0000-4000-8000-00000000000d", "d"), "");

        Assert.Equal(2, repository.GetAllElements().Count);
    }

    [Fact]
    public async Task ARowThatIsNotXmlFailsTheReadNamingTheRow()
    {
        var storage = await OpenAsync();
        using (var connection = ((IDataProtectionKeyDatabase)storage).OpenConnection())
        using (var insert = DbCommands.Create(connection, null,
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ('key-broken', '<key', @at)",
            [("at", ReadModelSql.Time(connection, DateTimeOffset.UtcNow))]))
        {
            insert.ExecuteNonQuery();
        }

        var failure = Assert.Throws<InvalidDataException>(() => Repository(storage).GetAllElements());

        Assert.Contains("key-broken", failure.Message);
    }

    [Fact]
    public async Task DataProtectedByOneNodeIsReadByAnotherOverTheSameStoreWithOneKeyBetweenThem()
    {
        using var nodeA = Node(await OpenAsync());
        using var nodeB = Node(await OpenAsync());

        var protectedText = nodeA.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("サインイン");
        var unprotected = nodeB.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("サインイン", unprotected);
        var keyA = Assert.Single(nodeA.GetRequiredService<IKeyManager>().GetAllKeys());
        var keyB = Assert.Single(nodeB.GetRequiredService<IKeyManager>().GetAllKeys());
        Assert.Equal(keyA.KeyId, keyB.KeyId);
        Assert.Single(Repository(await OpenAsync()).GetAllElements());
    }

    private static XElement Key(string id, string material) =>
        new("key", new XAttribute("id", id), new XAttribute("version", 1), new XElement("material", material));

    private static StoreXmlRepository Repository(IStateStore storage) =>
        new((IDataProtectionKeyDatabase)storage, TimeProvider.System, NullLogger<StoreXmlRepository>.Instance);

    // What a web node registers, without the web host: the store's repository under the application's name.
    private static ServiceProvider Node(IStateStore storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton((IDataProtectionKeyDatabase)storage);
        services.AddDataProtection().SetApplicationName("LivingLab").PersistKeysToLivingLabStore();
        return services.BuildServiceProvider();
    }

    private async Task<StoreXmlRepository> RepositoryAsync() => Repository(await OpenAsync());

    private async Task<IStateStore> OpenAsync()
    {
        var storage = store.Open();
        opened.Add(storage);
        await storage.MigrateAsync();
        return storage;
    }
}
