using LivingLab.Common;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace LivingLab.People;

/// <summary>Creates the first admin, or gives an existing account the admin role. Safe to run at every start.</summary>
public static class AdminBootstrap
{
    /// <summary>The display name of an admin created at start-up.</summary>
    public const string DefaultDisplayName = "管理者";

    /// <summary>
    /// Ensures the account with <paramref name="email"/> exists and is an admin. An existing account keeps its password.
    /// Returns the refusal when the settings cannot make an account (for example a password that is too short).
    /// </summary>
    public static async Task<CommandResult<PersonProfile>> EnsureAdminAsync(IGrainFactory grains, string email, string password, string? displayName = null)
    {
        // Two nodes starting together race on the same grains; the loser's activation is dropped on its stale write,
        // and running the (idempotent) steps again reads what the winner stored.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnsureOnceAsync(grains, email, password, displayName);
            }
            catch (InconsistentStateException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task<CommandResult<PersonProfile>> EnsureOnceAsync(IGrainFactory grains, string email, string password, string? displayName)
    {
        if (AccountRules.CheckEmail(email) is { } badEmail)
        {
            return new CommandResult<PersonProfile>(null, badEmail);
        }

        var index = grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(email));
        var personId = await index.GetPersonId();
        if (personId is null)
        {
            var registered = await index.Register(new Registration(email, password, displayName ?? DefaultDisplayName));
            if (!registered.Succeeded && registered.Rejection!.Code != "emailTaken")
            {
                return registered;
            }

            personId = registered.Value?.Id ?? await index.GetPersonId();
        }

        var person = grains.GetGrain<IPersonGrain>(personId!);
        var profile = await person.GetProfile();
        if (profile is null)
        {
            return CommandResult<PersonProfile>.Reject("notFound", "email");
        }

        if (profile.IsInRole(Roles.Admin))
        {
            return CommandResult<PersonProfile>.Success(profile);
        }

        // Start-up acts as the system: RequestContext changes here stay inside this async call.
        Caller.SetSystem();
        return await person.SetRoles([.. profile.Roles, Roles.Admin], profile.PartnerId);
    }
}
