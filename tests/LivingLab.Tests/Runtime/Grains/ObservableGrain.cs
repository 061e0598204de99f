using LivingLab.Runtime;

namespace LivingLab.Tests.Runtime.Grains;

public interface IMessageObserver : IGrainObserver
{
    void Receive(string message);
}

public interface IObservableGrain : IGrainWithStringKey
{
    Task Subscribe(IMessageObserver observer);

    Task Publish(string message);

    Task<int> ObserverCount();
}

public sealed class ObservableGrain : Grain, IObservableGrain
{
    private ObserverManager<IMessageObserver>? observers;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var clock = (TimeProvider)ServiceProvider.GetService(typeof(TimeProvider))!;
        observers = new ObserverManager<IMessageObserver>(TimeSpan.FromMinutes(5), clock, TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    public Task Subscribe(IMessageObserver observer)
    {
        observers!.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(string message)
    {
        observers!.Notify(o => o.Receive(message));
        return Task.CompletedTask;
    }

    public Task<int> ObserverCount() => Task.FromResult(observers!.Count);
}
