using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Tests.Storage;

/// <summary>Orleans' reminder table over a fresh SQLite store file with the project's migrations applied.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    // Whole microseconds: the store keeps times to the microsecond (SqliteTime), as it does every other time.
    private static readonly DateTime Noon = new(2031, 5, 17, 12, 0, 0, 250, 125, DateTimeKind.Utc);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "livinglab-reminders-" + Guid.NewGuid().ToString("N"));
    private string path = "";
    private SqliteReminderTable table = null!;

    public async Task InitializeAsync()
    {
        path = Path.Combine(directory, "livinglab.db");
        await MigrateAsync(path);
        table = new SqliteReminderTable(path);
        await table.StartAsync();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task UpsertedReminderReadsBackWithTheReturnedETag()
    {
        var entry = Entry(Grain("a"), "daily-digest", Noon, TimeSpan.FromDays(1));

        var eTag = await table.UpsertRow(entry);

        var read = await table.ReadRow(entry.GrainId, "daily-digest");
        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(eTag));
        Assert.Equal(eTag, read.ETag);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal("daily-digest", read.ReminderName);
        Assert.Equal(Noon, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromDays(1), read.Period);
    }

    [Fact]
    public async Task ReadingAReminderThatDoesNotExistGivesNull()
    {
        await table.UpsertRow(Entry(Grain("a"), "daily-digest", Noon, TimeSpan.FromDays(1)));

        Assert.Null(await table.ReadRow(Grain("a"), "hourly"));
        Assert.Null(await table.ReadRow(Grain("b"), "daily-digest"));
    }

    [Fact]
    public async Task UpsertingTwiceBumpsTheETagAndReplacesTheSchedule()
    {
        var grain = Grain("a");
        var first = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromDays(1)));

        var second = await table.UpsertRow(Entry(grain, "digest", Noon.AddHours(3), TimeSpan.FromMinutes(90)));

        Assert.NotEqual(first, second);
        var read = await table.ReadRow(grain, "digest");
        Assert.NotNull(read);
        Assert.Equal(second, read.ETag);
        Assert.Equal(Noon.AddHours(3), read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(90), read.Period);
        Assert.Single((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task UpsertIgnoresTheETagTheEntryCarries()
    {
        var grain = Grain("a");
        var first = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromDays(1)));
        var stale = Entry(grain, "digest", Noon.AddDays(1), TimeSpan.FromDays(2));
        stale.ETag = "not-" + first;

        var second = await table.UpsertRow(stale);

        var read = await table.ReadRow(grain, "digest");
        Assert.NotNull(read);
        Assert.Equal(second, read.ETag);
        Assert.Equal(TimeSpan.FromDays(2), read.Period);
    }

    [Fact]
    public async Task StartTimeOfUnspecifiedKindIsTakenAsUtc()
    {
        var grain = Grain("a");
        await table.UpsertRow(Entry(grain, "digest", DateTime.SpecifyKind(Noon, DateTimeKind.Unspecified), TimeSpan.FromDays(1)));

        var read = await table.ReadRow(grain, "digest");

        Assert.NotNull(read);
        Assert.Equal(Noon, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
    }

    [Fact]
    public async Task RemoveWithTheCurrentETagRemovesTheReminder()
    {
        var grain = Grain("a");
        var eTag = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromDays(1)));
        await table.UpsertRow(Entry(grain, "other", Noon, TimeSpan.FromDays(1)));

        Assert.True(await table.RemoveRow(grain, "digest", eTag!));

        Assert.Null(await table.ReadRow(grain, "digest"));
        Assert.NotNull(await table.ReadRow(grain, "other"));
    }

    [Fact]
    public async Task RemoveWithAStaleETagReturnsFalseAndKeepsTheReminder()
    {
        var grain = Grain("a");
        var stale = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromDays(1)));
        var current = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromHours(1)));

        Assert.False(await table.RemoveRow(grain, "digest", stale!));
        Assert.False(await table.RemoveRow(grain, "digest", "not-a-version"));

        var read = await table.ReadRow(grain, "digest");
        Assert.NotNull(read);
        Assert.Equal(current, read.ETag);
        Assert.Equal(TimeSpan.FromHours(1), read.Period);
    }

    [Fact]
    public async Task RemovingAReminderThatDoesNotExistReturnsFalse()
    {
        var eTag = await table.UpsertRow(Entry(Grain("a"), "digest", Noon, TimeSpan.FromDays(1)));

        Assert.False(await table.RemoveRow(Grain("a"), "hourly", eTag!));
        Assert.False(await table.RemoveRow(Grain("b"), "digest", eTag!));
        Assert.NotNull(await table.ReadRow(Grain("a"), "digest"));
    }

    [Fact]
    public async Task ReadingByGrainReturnsOnlyThatGrainsReminders()
    {
        var mine = Grain("mine");
        var theirs = Grain("theirs");
        await table.UpsertRow(Entry(mine, "daily", Noon, TimeSpan.FromDays(1)));
        await table.UpsertRow(Entry(mine, "hourly", Noon, TimeSpan.FromHours(1)));
        await table.UpsertRow(Entry(theirs, "daily", Noon, TimeSpan.FromDays(1)));
        // Same key under another grain type is another grain.
        await table.UpsertRow(Entry(GrainId.Create("other-type", "mine"), "daily", Noon, TimeSpan.FromDays(1)));

        var rows = (await table.ReadRows(mine)).Reminders;

        Assert.Equal(new[] { "daily", "hourly" }, rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(mine, r.GrainId));
        Assert.Empty((await table.ReadRows(Grain("nobody"))).Reminders);
    }

    [Fact]
    public async Task RangeReadReturnsExactlyTheRowsWithHashAfterBeginUpToAndIncludingEnd()
    {
        var ring = await FillRingAsync(24);
        // Boundaries on stored hashes check both ends: begin itself is out, end itself is in.
        var begin = ring[5].GetUniformHashCode();
        var end = ring[15].GetUniformHashCode();

        var rows = (await table.ReadRows(begin, end)).Reminders;

        Assert.Equal(Keys(ring[6..16]), Keys(rows.Select(r => r.GrainId)));
        AssertExactlyInRange(rows, ring, begin, end);
    }

    [Fact]
    public async Task RangeReadWithBeginAfterEndWrapsAroundTheRing()
    {
        var ring = await FillRingAsync(24);
        var begin = ring[18].GetUniformHashCode();
        var end = ring[4].GetUniformHashCode();

        var rows = (await table.ReadRows(begin, end)).Reminders;

        // Past begin to the top of the ring, then from its start up to and including end.
        Assert.Equal(Keys([.. ring[19..], .. ring[..5]]), Keys(rows.Select(r => r.GrainId)));
        AssertExactlyInRange(rows, ring, begin, end);
    }

    [Fact]
    public async Task RangeReadWithBeginEqualToEndReturnsTheWholeRing()
    {
        var ring = await FillRingAsync(12);
        var middle = ring[6].GetUniformHashCode();

        Assert.Equal(Keys(ring), Keys((await table.ReadRows(middle, middle)).Reminders.Select(r => r.GrainId)));
        Assert.Equal(12, (await table.ReadRows(0u, 0u)).Reminders.Count);
        Assert.Equal(12, (await table.ReadRows(uint.MaxValue, uint.MaxValue)).Reminders.Count);
    }

    [Fact]
    public async Task RangeReadsAtTheEdgesOfTheHashSpaceUseUnsignedOrder()
    {
        var ring = await FillRingAsync(24);
        // Hashes above int.MaxValue must count as large, not wrap to negatives.
        Assert.Contains(ring, g => g.GetUniformHashCode() > int.MaxValue);
        Assert.Contains(ring, g => g.GetUniformHashCode() <= int.MaxValue);

        var upperHalf = (await table.ReadRows((uint)int.MaxValue, uint.MaxValue)).Reminders;
        var lowerHalf = (await table.ReadRows(uint.MaxValue, (uint)int.MaxValue)).Reminders;

        AssertExactlyInRange(upperHalf, ring, int.MaxValue, uint.MaxValue);
        AssertExactlyInRange(lowerHalf, ring, uint.MaxValue, int.MaxValue);
        Assert.Equal(24, upperHalf.Count + lowerHalf.Count);
    }

    [Fact]
    public async Task RemindersSurviveReopeningTheFile()
    {
        var grain = Grain("a");
        var eTag = await table.UpsertRow(Entry(grain, "digest", Noon, TimeSpan.FromDays(1)));

        var reopened = new SqliteReminderTable(path);
        await reopened.StartAsync();

        var read = await reopened.ReadRow(grain, "digest");
        Assert.NotNull(read);
        Assert.Equal(eTag, read.ETag);
        Assert.Equal(Noon, read.StartAt);
        Assert.Equal(TimeSpan.FromDays(1), read.Period);
        Assert.Single((await reopened.ReadRows(0u, 0u)).Reminders);
        Assert.True(await reopened.RemoveRow(grain, "digest", eTag!));
    }

    [Fact]
    public async Task ClearingTheTableRemovesEveryReminder()
    {
        await FillRingAsync(5);

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0u, 0u)).Reminders);
    }

    [Fact]
    public async Task StartFailsClearlyWhenTheMigrationsHaveNotRun()
    {
        var missing = new SqliteReminderTable(Path.Combine(directory, "missing.db"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => missing.StartAsync());
        Assert.Contains("migrations", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "missing.db")));

        // A file that exists but was never migrated.
        var emptyPath = Path.Combine(directory, "empty.db");
        await File.WriteAllBytesAsync(emptyPath, []);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteReminderTable(emptyPath).StartAsync());
        Assert.Contains("orleans_reminders", error.Message, StringComparison.Ordinal);
    }

    // Applies the project's migrations the way the site does at start-up.
    private static async Task MigrateAsync(string databasePath)
    {
        await using var store = new SqliteStateStore(new SqliteStorageOptions(databasePath));
        await store.MigrateAsync();
    }

    private static GrainId Grain(string key) => GrainId.Create("reminder-test", key);

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = startAt,
        Period = period,
    };

    // One reminder on each of count grains; returns the grains in ring (hash) order.
    private async Task<GrainId[]> FillRingAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(i => Grain("ring-" + i)).OrderBy(g => g.GetUniformHashCode()).ToArray();
        Assert.Equal(count, grains.Select(g => g.GetUniformHashCode()).Distinct().Count());
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "tick", Noon, TimeSpan.FromHours(1)));
        }

        return grains;
    }

    private static string[] Keys(IEnumerable<GrainId> grains) =>
        grains.Select(g => g.ToString()).Order(StringComparer.Ordinal).ToArray();

    // The interface's definition of (begin, end], wrapping when begin >= end, applied to what was stored.
    private static void AssertExactlyInRange(IList<ReminderEntry> rows, GrainId[] stored, uint begin, uint end)
    {
        var expected = stored.Where(g => InRange(g.GetUniformHashCode(), begin, end));
        Assert.Equal(Keys(expected), Keys(rows.Select(r => r.GrainId)));
        Assert.Equal(rows.Count, rows.Select(r => r.GrainId).Distinct().Count());

        static bool InRange(uint hash, uint begin, uint end) =>
            begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
    }
}
