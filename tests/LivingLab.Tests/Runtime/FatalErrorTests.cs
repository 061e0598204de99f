using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace LivingLab.Tests.Runtime;

/// <summary>The test hosts' fatal-error handler stops the host it belongs to, and only that one.</summary>
public sealed class FatalErrorTests
{
    [Fact]
    public async Task A_fatal_error_stops_its_own_host_started_with_StartAsync_and_leaves_another_running()
    {
        using var failing = Build();
        using var other = Build();
        await failing.StartAsync();
        await other.StartAsync();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        failing.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => stopped.SetResult());

        failing.Services.GetRequiredService<IFatalErrorHandler>().OnFatalException(this, "test", new InvalidOperationException("declared dead"));

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(other.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await other.StopAsync();
    }

    private static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        StopHostOnFatalError.ReplaceIn(builder.Services);
        return builder.Build();
    }
}
