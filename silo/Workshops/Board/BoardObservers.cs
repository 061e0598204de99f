using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using LivingLab.Live;

namespace LivingLab.Workshops.Board;

/// <summary>
/// A board's live subscribers (the web hosts' hubs) over Orleans' <see cref="ObserverManager{TObserver}"/>, created when
/// the first one subscribes. The grain publishes only durable changes, and never waits for an observer: one that throws
/// or hangs cannot hold up the room's dots.
/// </summary>
internal sealed class BoardObservers
{
    private ObserverManager<IBoardObserver>? observers;

    /// <summary>Whether anyone listens, so the grain builds a snapshot only then.</summary>
    public bool Any => observers is { Count: > 0 };

    public void Subscribe(IBoardObserver observer, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers ??= new ObserverManager<IBoardObserver>(
            LiveSubscriptions.Lifetime, services.GetRequiredService<ILoggerFactory>().CreateLogger<BoardObservers>());
        observers.Subscribe(observer, observer);
    }

    public void Unsubscribe(IBoardObserver observer) => observers?.Unsubscribe(observer);

    /// <summary>Tells every subscriber without waiting; call once the change's write completed.</summary>
    public void Publish(BoardSnapshot snapshot)
    {
        if (observers is { Count: > 0 })
        {
            observers.Notify(o => o.BoardChanged(snapshot));
        }
    }
}
