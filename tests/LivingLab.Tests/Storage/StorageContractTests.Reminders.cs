using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>Reminder rows.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task RemindersCanBeUpsertedReadAndRemoved()
    {
        var key = Guid.NewGuid().ToString("N");
        var daily = new ReminderEntry(GrainType, key, "daily-digest", Noon, TimeSpan.FromDays(1));
        var hourly = new ReminderEntry(GrainType, key, "hourly", Noon.AddMinutes(30), TimeSpan.FromHours(1));

        await Storage.UpsertReminderAsync(daily);
        await Storage.UpsertReminderAsync(hourly);
        Assert.Equal([daily, hourly], await MyRemindersAsync());

        var moved = daily with { StartAt = Noon.AddDays(2), Period = TimeSpan.FromMinutes(90) };
        await Storage.UpsertReminderAsync(moved);
        Assert.Equal([moved, hourly], await MyRemindersAsync());

        await Storage.RemoveReminderAsync(GrainType, key, "hourly");
        await Storage.RemoveReminderAsync(GrainType, key, "never-existed");
        Assert.Equal([moved], await MyRemindersAsync());

        async Task<ReminderEntry[]> MyRemindersAsync() =>
            (await Storage.ReadRemindersAsync()).Where(r => r.GrainKey == key).OrderBy(r => r.ReminderName).ToArray();
    }
}
