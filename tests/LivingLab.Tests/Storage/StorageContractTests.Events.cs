using Orleans;
using Orleans.Storage;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>The event log: order, checkpoints, and no events for a write that did not happen.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task EventsAreAppendedInOrderAndReadableFromACheckpoint()
    {
        var start = await LastPositionAsync();
        var id = NewId();
        EventData[] first =
        [
            new("IdeaSubmitted", """{"title":"ベンチ"}""", "user-1", Noon),
            new("IdeaTagged", """{"tag":"park"}""", null, Noon.AddTicks(1_234_560)),
            new("IdeaShared", "{}", "user-2", Noon.AddMinutes(1)),
        ];
        EventData[] second =
        [
            new("IdeaSupported", """{"by":"user-3"}""", "user-3", Noon.AddHours(1)),
            new("IdeaMoved", """{"to":"review"}""", "staff-1", Noon.AddDays(1)),
        ];

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, first));
        await Storage.WriteAsync(new StateWrite(id, "\"2\"", 1, second));

        var all = await Storage.ReadEventsAsync(start, 100);
        Assert.Equal(5, all.Count);
        Assert.Equal(first.Concat(second).Select(e => e.EventType), all.Select(e => e.EventType));
        AssertStrictlyIncreasing(all.Select(e => e.Position));
        for (var i = 0; i < 5; i++)
        {
            var expected = first.Concat(second).ElementAt(i);
            Assert.Equal(id.GrainType, all[i].GrainType);
            Assert.Equal(id.GrainKey, all[i].GrainKey);
            Assert.Equal(expected.Payload, all[i].Payload);
            Assert.Equal(expected.ActorId, all[i].ActorId);
            Assert.Equal(expected.OccurredAt, all[i].OccurredAt);
        }

        var page = await Storage.ReadEventsAsync(all[1].Position, 2);
        Assert.Equal(["IdeaShared", "IdeaSupported"], page.Select(e => e.EventType));
        Assert.Equal([all[2].Position, all[3].Position], page.Select(e => e.Position));

        Assert.Empty(await Storage.ReadEventsAsync(all[4].Position, 10));
    }

    [Fact]
    public async Task EventsOfARejectedWriteAreNotAppended()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [Event("Created")]));
        var start = await LastPositionAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(new StateWrite(id, "\"stale\"", 0, [Event("ShouldNotAppear"), Event("NorThis")])));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(new StateWrite(id, null, 7, [Event("NorTheDelete")])));

        Assert.Empty(await Storage.ReadEventsAsync(start, 100));
    }
}
