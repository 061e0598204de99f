using LivingLab.Storage;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivingLab.Tests.Runtime.Grains;

[Alias("test.IMessageObserver")]
public interface IMessageObserver : IGrainObserver
{
    [OneWay]
    Task Receive(string message);
}

[Alias("test.IObservableGrain")]
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
        observers = new ObserverManager<IMessageObserver>(TimeSpan.FromMinutes(5), ServiceProvider.GetRequiredService<ILogger<ObservableGrain>>());
        return Task.CompletedTask;
    }

    public Task Subscribe(IMessageObserver observer)
    {
        observers!.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Publish(string message)
    {
        observers!.Notify(o => o.Receive(message));
        return Task.CompletedTask;
    }

    public Task<int> ObserverCount() => Task.FromResult(observers!.Count);
}
