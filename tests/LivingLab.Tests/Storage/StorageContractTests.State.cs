using Orleans;
using Orleans.Storage;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>State rows: versions as ETags, guarded writes and deletes, payloads that must come back byte for byte.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task ReadOfMissingStateReturnsNull()
    {
        Assert.Null(await Storage.ReadAsync(NewId()));
    }

    [Fact]
    public async Task WriteThenReadRoundTripsPayloadAndVersion()
    {
        var id = NewId();

        var version = await Storage.WriteAsync(new StateWrite(id, """{"title":"bench"}""", 0, []));

        Assert.Equal(1, version);
        Assert.Equal(new StoredState("""{"title":"bench"}""", 1), await Storage.ReadAsync(id));
    }

    [Fact]
    public async Task EachWriteIncrementsTheVersion()
    {
        var id = NewId();
        for (var expected = 0; expected < 5; expected++)
        {
            Assert.Equal(expected + 1, await Storage.WriteAsync(new StateWrite(id, $"{{\"n\":{expected}}}", expected, [])));
        }

        Assert.Equal(new StoredState("""{"n":4}""", 5), await Storage.ReadAsync(id));
    }

    [Fact]
    public async Task StaleExpectedVersionThrowsAndLeavesTheStoredRowUnchanged()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"v1\"", 0, []));
        await Storage.WriteAsync(new StateWrite(id, "\"v2\"", 1, []));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(new StateWrite(id, "\"stale\"", 1, [])));

        Assert.Contains(id.ToString(), error.Message);
        Assert.Contains("expected version 1", error.Message);
        Assert.Equal("2", error.StoredEtag);
        Assert.Equal("1", error.CurrentEtag);
        Assert.Equal(new StoredState("\"v2\"", 2), await Storage.ReadAsync(id));
    }

    [Fact]
    public async Task InsertingWhenTheRowExistsThrows()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"first\"", 0, []));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(new StateWrite(id, "\"second\"", 0, [])));

        Assert.Contains("expected version 0", error.Message);
        Assert.Equal(new StoredState("\"first\"", 1), await Storage.ReadAsync(id));
    }

    [Fact]
    public async Task UpdatingAMissingRowThrows()
    {
        var id = NewId();

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(id, "\"x\"", 3, [])));

        Assert.Null(await Storage.ReadAsync(id));
    }

    [Fact]
    public async Task DeleteIsGuardedByVersion()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"a\"", 0, []));
        await Storage.WriteAsync(new StateWrite(id, "\"b\"", 1, []));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(id, null, 1, [])));
        Assert.Equal(new StoredState("\"b\"", 2), await Storage.ReadAsync(id));

        Assert.Equal(0, await Storage.WriteAsync(new StateWrite(id, null, 2, [])));
        Assert.Null(await Storage.ReadAsync(id));

        // After a delete the state starts again from "must not exist".
        Assert.Equal(1, await Storage.WriteAsync(new StateWrite(id, "\"again\"", 0, [])));
    }

    [Fact]
    public async Task OneMebibytePayloadRoundTrips()
    {
        var id = NewId();
        var filler = string.Concat(Enumerable.Repeat("あいうえおabcde", 1024 * 1024 / 20));
        var payload = "\"" + filler + new string('x', 1024 * 1024 - 2 - System.Text.Encoding.UTF8.GetByteCount(filler)) + "\"";
        Assert.Equal(1024 * 1024, System.Text.Encoding.UTF8.GetByteCount(payload));

        await Storage.WriteAsync(new StateWrite(id, payload, 0, [new EventData("Big", payload, null, Noon)]));

        Assert.Equal(payload, (await Storage.ReadAsync(id))?.Payload);
        var start = await LastPositionAsync();
        await Storage.WriteAsync(new StateWrite(id, payload + " ", 1, [new EventData("Big", payload, null, Noon)]));
        Assert.Equal(payload, Assert.Single(await Storage.ReadEventsAsync(start, 10)).Payload);
    }

    [Theory]
    [InlineData("ベンチを公園に置いてほしい（駐輪場の横）")]
    [InlineData("🚲🌸👍🏽 家族 👨‍👩‍👧")]
    [InlineData("'; DROP TABLE grain_state; --")]
    [InlineData("\" OR 1=1; DELETE FROM events WHERE '' = '")]
    [InlineData("$1 @p :name ? %s \\ \t\r\n")]
    public async Task TextRoundTripsLiterally(string text)
    {
        var start = await LastPositionAsync();
        var id = new StateId(GrainType + text, Guid.NewGuid().ToString("N") + text, StateName + text);
        var payload = System.Text.Json.JsonSerializer.Serialize(new { text }) + text;

        await Storage.WriteAsync(new StateWrite(id, payload, 0, [new EventData(text, payload, text, Noon)]));

        Assert.Equal(new StoredState(payload, 1), await Storage.ReadAsync(id));
        var stored = Assert.Single(await Storage.ReadEventsAsync(start, 10));
        Assert.Equal((id.GrainType, id.GrainKey, text, payload, text), (stored.GrainType, stored.GrainKey, stored.EventType, stored.Payload, stored.ActorId));
        Assert.True(await Storage.PingAsync());
    }
}
