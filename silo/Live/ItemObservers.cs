using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace LivingLab.Live;

/// <summary>
/// A challenge's or an idea's live subscribers, over Orleans' <see cref="ObserverManager{TObserver}"/>. Costs nothing until
/// someone watches, and a change is published only once it is durable, so a live page never shows a count the store did
/// not keep. Notifications are one-way (<see cref="IItemObserver.ItemChanged"/>): the grain never waits for an observer,
/// so one that throws or hangs cannot block it.
/// </summary>
internal sealed class ItemObservers
{
    private ObserverManager<IItemObserver>? observers;

    public void Subscribe(IItemObserver observer, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers ??= new ObserverManager<IItemObserver>(
            LiveSubscriptions.Lifetime, services.GetRequiredService<ILoggerFactory>().CreateLogger<ItemObservers>());
        observers.Subscribe(observer, observer);
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
