using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>Migrations, restarts, disposal and health.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task MigrationsAreIdempotent()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"before\"", 0, []));

        await Storage.MigrateAsync();
        await Storage.MigrateAsync();
        await using (var second = store.Open())
        {
            await second.MigrateAsync();
            Assert.Equal(new StoredState("\"before\"", 1), await second.ReadAsync(id));
        }

        Assert.Equal(store.ShippedMigrations, await store.ReadAppliedMigrationsAsync());
        Assert.Equal(2, await Storage.WriteAsync(new StateWrite(id, "\"after\"", 1, [])));
    }

    [Fact]
    public async Task TwoInstancesMigratingAFreshStoreAtOnceApplyEachMigrationOnce()
    {
        var fresh = await Stores.CreateFreshAsync();
        await using var a = fresh.Open();
        await using var b = fresh.Open();

        await Task.WhenAll(a.MigrateAsync(), b.MigrateAsync());

        Assert.Equal(fresh.ShippedMigrations, await fresh.ReadAppliedMigrationsAsync());
        var id = NewId();
        Assert.Equal(1, await a.WriteAsync(new StateWrite(id, "\"a\"", 0, [Event("Created")])));
        Assert.Equal(new StoredState("\"a\"", 1), await b.ReadAsync(id));
    }

    [Fact]
    public async Task RestartSeesTheData()
    {
        var start = await LastPositionAsync();
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"durable\"", 0, [Event("Created")]));
        await Storage.WriteAsync(new StateWrite(id, "\"durable2\"", 1, [Event("Changed")]));

        await Storage.DisposeAsync();
        Storage = store.Open();
        await Storage.MigrateAsync();

        Assert.Equal(new StoredState("\"durable2\"", 2), await Storage.ReadAsync(id));
        Assert.Equal(["Created", "Changed"], (await Storage.ReadEventsAsync(start, 10)).Select(e => e.EventType));
        Assert.Equal(3, await Storage.WriteAsync(new StateWrite(id, "\"after restart\"", 2, [])));
    }

    [Fact]
    public async Task DisposeFinishesPendingWrites()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => NewId()).ToArray();
        var writes = ids.Select(id => Storage.WriteAsync(new StateWrite(id, "\"queued\"", 0, [Event("Queued")]))).ToArray();

        await Storage.DisposeAsync();

        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Storage.WriteAsync(new StateWrite(NewId(), "\"late\"", 0, [])));
        Storage = store.Open();
        foreach (var id in ids)
        {
            Assert.Equal(new StoredState("\"queued\"", 1), await Storage.ReadAsync(id));
        }
    }

    [Fact]
    public async Task PingAnswers()
    {
        Assert.True(await Storage.PingAsync());
    }
}
