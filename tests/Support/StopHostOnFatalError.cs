using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace LivingLab.Testing;

/// <summary>
/// Orleans' own handler ends the process when a silo learns it was declared dead; in a test run that process holds every
/// other host too. This one logs the error and stops only its own host, so the test that caused it fails alone.
/// </summary>
public sealed class StopHostOnFatalError(ILogger<StopHostOnFatalError> logger, IServiceProvider services) : IFatalErrorHandler
{
    private int stopping;

    /// <summary>Puts this handler in place of Orleans' own in a host's services (after the silo is added).</summary>
    public static void ReplaceIn(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, StopHostOnFatalError>());

    public bool IsUnexpected(Exception exception) => exception is not ThreadAbortException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        logger.LogCritical(exception, "Fatal error from {Sender} ({Context}); this test host stops.", sender, context);
        if (Interlocked.Exchange(ref stopping, 1) != 0)
        {
            return;
        }

        // The host itself, not only its lifetime's stop signal: a host started with StartAsync (as test hosts are) has
        // nothing waiting on that signal, so signalling alone would leave the silo running. Resolved here, at fault
        // time, because the host is built after its services are.
        var host = services.GetRequiredService<IHost>();
        _ = Task.Run(async () =>
        {
            try
            {
                await host.StopAsync();
            }
            catch (Exception stop)
            {
                logger.LogError(stop, "The test host did not stop after a fatal error.");
            }
        });
    }
}
