using System.Collections.Concurrent;

namespace LivingLab.Runtime;

/// <summary>
/// Keeps a grain's subscribers with an expiry, as Orleans' ObserverManager. Notifications are sent like one-way
/// messages: the grain never waits for an observer, so one that throws or hangs cannot block it. An observer
/// that fails or does not take a notification in time is dropped.
/// </summary>
public sealed class ObserverManager<TObserver> where TObserver : class
{
    private readonly ConcurrentDictionary<TObserver, DateTimeOffset> observers = new(ReferenceEqualityComparer.Instance);
    private readonly TimeProvider clock;
    private readonly TimeSpan notificationTimeout;

    public ObserverManager(TimeSpan expiration, TimeProvider? clock = null, TimeSpan? notificationTimeout = null)
    {
        ExpirationDuration = expiration;
        this.clock = clock ?? TimeProvider.System;
        this.notificationTimeout = notificationTimeout ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>How long a subscription lives without being renewed.</summary>
    public TimeSpan ExpirationDuration { get; }

    /// <summary>Live subscriptions (expired ones are removed on the next notification).</summary>
    public int Count => observers.Count;

    /// <summary>The current observers.</summary>
    public IReadOnlyCollection<TObserver> Observers => [.. observers.Keys];

    /// <summary>Adds an observer or renews its subscription.</summary>
    public void Subscribe(TObserver observer) => observers[observer] = clock.GetUtcNow();

    /// <summary>Removes an observer.</summary>
    public void Unsubscribe(TObserver observer) => observers.TryRemove(observer, out _);

    /// <summary>Removes observers whose subscription has expired.</summary>
    public void ClearExpired()
    {
        var cutoff = clock.GetUtcNow() - ExpirationDuration;
        foreach (var (observer, lastSeen) in observers)
        {
            if (lastSeen < cutoff)
            {
                observers.TryRemove(new KeyValuePair<TObserver, DateTimeOffset>(observer, lastSeen));
            }
        }
    }

    /// <summary>Sends a notification to every live observer without waiting for any of them.</summary>
    public void Notify(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ClearExpired();
        foreach (var observer in observers.Keys)
        {
            if (predicate is null || predicate(observer))
            {
                // Off the grain's turn: a synchronous hang in the observer holds a pool thread, never the grain.
                _ = Task.Run(() => DeliverAsync(observer, notification));
            }
        }
    }

    /// <summary>Sends a one-way notification to every live observer.</summary>
    public void Notify(Action<TObserver> notification, Func<TObserver, bool>? predicate = null) =>
        Notify(
            observer =>
            {
                notification(observer);
                return Task.CompletedTask;
            },
            predicate);

    private async Task DeliverAsync(TObserver observer, Func<TObserver, Task> notification)
    {
        try
        {
            await notification(observer).WaitAsync(notificationTimeout, clock);
        }
        catch (Exception)
        {
            // Orleans drops defunct observers; a live client subscribes again.
            Unsubscribe(observer);
        }
    }
}
