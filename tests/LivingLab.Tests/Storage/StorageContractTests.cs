using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>
/// The storage contract, run unchanged against every provider. Tests in one class share a database, so each
/// test uses its own grain keys and reads the event log from the position it found at its start.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    private const string GrainType = "test.Idea";
    private const string StateName = "state";

    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(9));

    private ITestStore store = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private IStateStore Storage { get; set; } = null!;

    public async Task InitializeAsync()
    {
        store = await Stores.SharedAsync();
        Storage = store.Open();
        await Storage.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }
    }

    private IStorageFaultHooks Hooks => (IStorageFaultHooks)Storage;

    private static StateId NewId() => new(GrainType, Guid.NewGuid().ToString("N"), StateName);

    private static EventData Event(string type) => new(type, "{}", "user-1", Noon);

    private static void AssertStrictlyIncreasing(IEnumerable<long> positions)
    {
        var list = positions.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i] > list[i - 1], $"position {list[i]} follows {list[i - 1]}");
        }
    }

    private async Task<long> LastPositionAsync()
    {
        var events = await ReadAllEventsAsync(0);
        return events.Count == 0 ? 0 : events[^1].Position;
    }

    private async Task<List<StoredEvent>> ReadAllEventsAsync(long afterPosition)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await Storage.ReadEventsAsync(afterPosition, 1000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            afterPosition = page[^1].Position;
        }
    }
}
