using System.Security.Cryptography;
using LivingLab.Common;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.People;

/// <summary>
/// Owns one normalized email. Non-reentrant on purpose: registrations of the same email queue here, so the
/// first creates the person and every later one sees the email taken.
/// </summary>
public sealed class EmailIndexGrain([EventedState("email")] IEventedState<EmailIndexState> state) : Grain, IEmailIndexGrain
{
    public async Task<CommandResult<PersonProfile>> Register(Registration registration)
    {
        if (AccountRules.CheckRegistration(registration) is { } problem)
        {
            return new CommandResult<PersonProfile>(null, problem);
        }

        if (AccountRules.NormalizeEmail(registration.Email) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The registration's email does not belong to this email index grain.", nameof(registration));
        }

        if (state.State.PersonId is { } claimed)
        {
            // A claim whose person was never created (the process died in between) is not an account: release it,
            // or the email would stay taken for good.
            if (await GrainFactory.GetGrain<IPersonGrain>(claimed).GetProfile() is not null)
            {
                return CommandResult<PersonProfile>.Reject("emailTaken", "email");
            }

            await Release(claimed);
        }

        // Claim first, then create: a crash in between leaves a claim to a person who does not exist, which
        // SignIn treats as an unknown email, never a person reachable through someone else's email.
        var personId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        state.State.PersonId = personId;
        await state.WriteStateAsync([new DomainEvent("EmailClaimed", new { PersonId = personId }, personId)]);

        CommandResult<PersonProfile> created;
        try
        {
            created = await GrainFactory.GetGrain<IPersonGrain>(personId).Create(registration);
        }
        catch
        {
            await Release(personId);
            throw;
        }

        if (!created.Succeeded)
        {
            await Release(personId);
        }

        return created;
    }

    public async Task<CommandResult<PersonProfile>> SignIn(string password)
    {
        if (state.State.PersonId is not { } personId)
        {
            return await GrainFactory.GetGrain<IPersonGrain>(UnknownPersonId).SignIn(password);
        }

        return await GrainFactory.GetGrain<IPersonGrain>(personId).SignIn(password);
    }

    public Task<string?> GetPersonId() => Task.FromResult(state.State.PersonId);

    // Person ids are hex, so this key never names a real account; signing in against it costs a decoy hash check.
    private const string UnknownPersonId = "unknown";

    private async Task Release(string personId)
    {
        state.State.PersonId = null;
        await state.WriteStateAsync([new DomainEvent("EmailReleased", new { PersonId = personId }, personId)]);
    }
}
