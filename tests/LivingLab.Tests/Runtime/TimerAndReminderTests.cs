using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class TimerAndReminderTests
{
    [Fact]
    public async Task Timer_ticks_run_as_grain_turns_and_wait_for_a_running_call()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ITimerGrain>(Signals.Unique("timer"));
        var signal = Signals.Unique("ticks");
        await grain.Start(TimeSpan.FromSeconds(10), signal);

        silo.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((bool)(await Signals.WaitAsync($"{signal}:tick1"))!);
        Assert.Equal(1, await grain.Ticks());

        // While a call holds the grain, a due tick waits its turn instead of interleaving.
        var gate = Signals.Unique("gate");
        var holding = grain.Hold(gate);
        await Signals.WaitAsync($"{gate}:started");
        silo.Clock.Advance(TimeSpan.FromSeconds(10));
        Signals.Set($"{gate}:open");
        await holding;
        await Signals.WaitAsync($"{signal}:tick2");

        Assert.False(await grain.TickOverlappedACall());
        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task Timers_stop_when_the_grain_deactivates()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Signals.Unique("timer");
        var signal = Signals.Unique("ticks");
        var grain = silo.Grain<ITimerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(10), signal);
        silo.Clock.Advance(TimeSpan.FromSeconds(10));
        await Signals.WaitAsync($"{signal}:tick1");

        await grain.Deactivate();
        await Signals.WaitAsync($"{signal}:deactivated");
        silo.Clock.Advance(TimeSpan.FromMinutes(5));

        // The new activation has no timer: it counts no ticks, and the old one never fired again.
        Assert.Equal(0, await grain.Ticks());
        Assert.False(Signals.Get($"{signal}:tick2").Task.IsCompleted);
    }

    [Fact]
    public async Task Reminders_survive_a_restart_and_reactivate_their_grain()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        var key = Signals.Unique("reminded");
        await using (var first = await TestSilo.StartAsync(path))
        {
            await first.Grain<IReminderGrain>(key).Register("daily-digest", TimeSpan.FromHours(1), TimeSpan.FromHours(24));
        }

        // A new runtime over the same store: nobody calls the grain, the reminder brings it back.
        await using var second = await TestSilo.StartAsync(path);
        Assert.Equal(0, second.Runtime.ActivationCount);
        Assert.Equal(1, second.Runtime.Reminders.Count);
        // Advance exactly to the due time: jumping further on a manual clock would also expire the call's timeout
        // before the activation has had any real time to run.
        second.Clock.Advance(TimeSpan.FromHours(1));

        var status = (LivingLab.Runtime.TickStatus)(await Signals.WaitAsync($"reminder:{key}:daily-digest"))!;
        Assert.Equal(TimeSpan.FromHours(24), status.Period);
        Assert.Equal(1, second.Runtime.ActivationCount);
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_fire_after_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        var key = Signals.Unique("reminded");
        await using (var first = await TestSilo.StartAsync(path))
        {
            var grain = first.Grain<IReminderGrain>(key);
            await grain.Register("once", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            await grain.Unregister("once");
        }

        await using var second = await TestSilo.StartAsync(path);
        Assert.Equal(0, second.Runtime.Reminders.Count);
        Assert.Empty(await second.Storage.ReadRemindersAsync());
    }
}
