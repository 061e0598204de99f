using LivingLab.People;
using Orleans;

namespace LivingLab.Web.Hosting;

/// <summary>
/// At start-up, creates the first admin from <c>LIVINGLAB_ADMIN_EMAIL</c> and <c>LIVINGLAB_ADMIN_PASSWORD</c> when both are
/// set, or makes that existing account an admin. Registered after the silo, so the runtime is already running.
/// </summary>
public sealed class AdminBootstrapService(IGrainFactory grains, IConfiguration configuration, ILogger<AdminBootstrapService> logger) : IHostedService
{
    public const string EmailSetting = "LIVINGLAB_ADMIN_EMAIL";
    public const string PasswordSetting = "LIVINGLAB_ADMIN_PASSWORD";
    public const string NameSetting = "LIVINGLAB_ADMIN_NAME";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[EmailSetting];
        var password = configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var result = await AdminBootstrap.EnsureAdminAsync(grains, email, password, configuration[NameSetting]);
        if (!result.Succeeded)
        {
            // A half-configured first admin would leave nobody able to grant roles: stop and say which setting to fix.
            var setting = result.Rejection!.Field switch
            {
                "password" => PasswordSetting,
                "displayName" => NameSetting,
                _ => EmailSetting,
            };
            throw new InvalidOperationException(
                $"The first admin could not be created: {setting} was refused ({result.Rejection.Code}). " +
                $"Passwords need {AccountRules.MinPasswordLength}–{AccountRules.MaxPasswordLength} characters.");
        }

        logger.LogInformation("Admin account {PersonId} is ready.", result.Value!.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
