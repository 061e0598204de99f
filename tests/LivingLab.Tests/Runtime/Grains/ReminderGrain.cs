using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Register(string name, TimeSpan due, TimeSpan period);

    Task Unregister(string name);
}

public sealed class ReminderGrain : Grain, IReminderGrain
{
    public Task Register(string name, TimeSpan due, TimeSpan period) => RegisterOrUpdateReminder(name, due, period);

    public async Task Unregister(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Signals.Set($"reminder:{GetPrimaryKeyString()}:{reminderName}", status);
        return Task.CompletedTask;
    }
}
