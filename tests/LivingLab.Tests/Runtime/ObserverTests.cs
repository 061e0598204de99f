using System.Collections.Concurrent;
using LivingLab.Tests.Runtime.Grains;
using Orleans;

namespace LivingLab.Tests.Runtime;

/// <summary>What live pages rely on: Orleans observers reached through object references, told one-way.</summary>
public sealed class ObserverTests
{
    [Fact]
    public async Task An_observer_reached_through_an_object_reference_receives_notifications()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IObservableGrain>(Signals.Unique("topic"));
        var observer = new RecordingObserver();
        await grain.Subscribe(silo.Grains.CreateObjectReference<IMessageObserver>(observer));

        await grain.Publish("hello");
        await grain.Publish("again");

        Assert.Equal("hello", await observer.Next());
        Assert.Equal("again", await observer.Next());
        Assert.Equal(1, await grain.ObserverCount());
    }

    [Fact]
    public async Task An_observer_that_throws_or_hangs_never_blocks_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IObservableGrain>(Signals.Unique("topic"));
        using var release = new ManualResetEventSlim();
        var throwing = new ThrowingObserver();
        var hanging = new HangingObserver(release);
        var healthy = new RecordingObserver();
        await grain.Subscribe(silo.Grains.CreateObjectReference<IMessageObserver>(throwing));
        await grain.Subscribe(silo.Grains.CreateObjectReference<IMessageObserver>(hanging));
        await grain.Subscribe(silo.Grains.CreateObjectReference<IMessageObserver>(healthy));

        await grain.Publish("one").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("one", await healthy.Next());
        await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The grain keeps answering while one observer is stuck and another throws.
        await grain.Publish("two").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("two", await healthy.Next());
        Assert.Equal(3, await grain.ObserverCount().WaitAsync(TimeSpan.FromSeconds(10)));
        release.Set();
    }

    private sealed class RecordingObserver : IMessageObserver
    {
        private readonly BlockingCollection<string> messages = [];

        public Task Receive(string message)
        {
            messages.Add(message);
            return Task.CompletedTask;
        }

        public Task<string> Next() => Task.Run(() =>
            messages.TryTake(out var message, TimeSpan.FromSeconds(10)) ? message : throw new TimeoutException("no notification arrived"));
    }

    private sealed class ThrowingObserver : IMessageObserver
    {
        public Task Receive(string message) => throw new InvalidOperationException("observer is broken");
    }

    private sealed class HangingObserver(ManualResetEventSlim release) : IMessageObserver
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Receive(string message)
        {
            Entered.TrySetResult();
            release.Wait();
            return Task.CompletedTask;
        }
    }
}
