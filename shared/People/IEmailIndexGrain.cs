using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.People;

/// <summary>
/// One grain per normalized email (see <see cref="AccountRules.NormalizeEmail"/>), pointing to the person who owns it.
/// Registration goes through here, so two sign-ups with one email are serialized and exactly one wins.
/// </summary>
[Alias("ll.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Registers a new person with this email; "emailTaken" when someone already has it.</summary>
    [Alias("Register")]
    Task<CommandResult<PersonProfile>> Register(Registration registration);

    /// <summary>Signs in with this email; an unknown email is refused exactly like a wrong password ("invalidCredentials").</summary>
    [Alias("SignIn")]
    Task<CommandResult<PersonProfile>> SignIn(string password);

    /// <summary>The id of the person with this email, or null.</summary>
    [ReadOnly]
    [Alias("GetPersonId")]
    Task<string?> GetPersonId();
}
