using LivingLab.Runtime;

namespace LivingLab.Live;

/// <summary>
/// A challenge's or an idea's live subscribers. Costs nothing until someone watches, and a change is published only
/// once it is durable, so a live page never shows a count the store did not keep.
/// </summary>
internal sealed class ItemObservers
{
    // Process-wide, so snapshots of one item stay ordered even across its activations in this process.
    private static long sequence;

    private ObserverManager<IItemObserver>? observers;

    /// <summary>The next snapshot number; taken in the turn that makes the change, so numbers follow the changes' order.</summary>
    public static long NextSequence() => Interlocked.Increment(ref sequence);

    public void Subscribe(IItemObserver observer, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observers is null)
        {
            var clock = services.GetService(typeof(TimeProvider)) as TimeProvider;
            var timeout = (services.GetService(typeof(SiloOptions)) as SiloOptions)?.ObserverNotificationTimeout;
            observers = new ObserverManager<IItemObserver>(LiveSubscriptions.Lifetime, clock, timeout);
        }

        observers.Subscribe(observer);
    }

    public void Unsubscribe(IItemObserver observer) => observers?.Unsubscribe(observer);

    /// <summary>Tells every subscriber, without waiting for any of them; call after the change's commit completed.</summary>
    public void Publish(ItemSnapshot snapshot)
    {
        if (observers is { Count: > 0 })
        {
            observers.Notify(o => o.ItemChanged(snapshot));
        }
    }
}
