using System.Collections.Concurrent;
using LivingLab.Runtime;
using LivingLab.Tests.Runtime.Grains;

namespace LivingLab.Tests.Runtime;

public sealed class ObserverTests
{
    [Fact]
    public async Task Observers_receive_notifications_and_expire_when_not_renewed()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IObservableGrain>(Signals.Unique("topic"));
        var observer = new RecordingObserver();
        await grain.Subscribe(silo.Runtime.CreateObjectReference<IMessageObserver>(observer));

        await grain.Publish("hello");
        Assert.Equal("hello", await observer.Next());

        silo.Clock.Advance(TimeSpan.FromMinutes(6));
        await grain.Publish("after expiry");
        Assert.Equal(0, await grain.ObserverCount());
        Assert.DoesNotContain("after expiry", observer.Received);
    }

    [Fact]
    public async Task An_observer_that_throws_or_hangs_never_blocks_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IObservableGrain>(Signals.Unique("topic"));
        using var release = new ManualResetEventSlim();
        var hanging = new HangingObserver(release);
        var healthy = new RecordingObserver();
        await grain.Subscribe(new ThrowingObserver());
        await grain.Subscribe(hanging);
        await grain.Subscribe(healthy);

        await grain.Publish("one").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("one", await healthy.Next());
        await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The grain keeps answering while one observer is stuck, and the failing one was dropped.
        await grain.Publish("two").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("two", await healthy.Next());
        Assert.Equal(2, await grain.ObserverCount());
        release.Set();
    }

    private sealed class RecordingObserver : IMessageObserver
    {
        private readonly BlockingCollection<string> messages = [];

        public ConcurrentQueue<string> Received { get; } = new();

        public void Receive(string message)
        {
            Received.Enqueue(message);
            messages.Add(message);
        }

        public Task<string> Next() => Task.Run(() =>
            messages.TryTake(out var message, TimeSpan.FromSeconds(10)) ? message : throw new TimeoutException("no notification arrived"));
    }

    private sealed class ThrowingObserver : IMessageObserver
    {
        public void Receive(string message) => throw new InvalidOperationException("observer is broken");
    }

    private sealed class HangingObserver(ManualResetEventSlim release) : IMessageObserver
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Receive(string message)
        {
            Entered.TrySetResult();
            release.Wait();
        }
    }
}
