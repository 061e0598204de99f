using LivingLab.Common;
using Orleans.Concurrency;

namespace LivingLab.People;

/// <summary>
/// One person's account, keyed by a random id: profile, roles, password hash, lockout and access tokens.
/// Only this grain holds the email and secrets; events name the person by id.
/// </summary>
[Alias("ll.IPersonGrain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Creates the account (called by the email index, which has reserved the email). Refused when it exists.</summary>
    [Alias("Create")]
    Task<CommandResult<PersonProfile>> Create(Registration registration);

    /// <summary>The public profile, or null when there is no such account.</summary>
    [ReadOnly]
    [Alias("GetProfile")]
    Task<PersonProfile?> GetProfile();

    /// <summary>Checks the password; 5 failures in a row lock the account for 15 minutes ("invalidCredentials", "lockedOut").</summary>
    [Alias("SignIn")]
    Task<CommandResult<PersonProfile>> SignIn(string password);

    /// <summary>Sets the roles (resident is always kept). Admins only; a partner role needs the id of an existing partner organisation.</summary>
    [Alias("SetRoles")]
    Task<CommandResult<PersonProfile>> SetRoles(IReadOnlyList<string> roles, string? partnerId);

    /// <summary>Creates a personal access token for this person; only the person may. The secret is returned once.</summary>
    [Alias("CreateToken")]
    Task<CommandResult<CreatedAccessToken>> CreateToken(string name);

    /// <summary>This person's tokens, without secrets; only the person or an admin may list them.</summary>
    [ReadOnly]
    [Alias("ListTokens")]
    Task<CommandResult<IReadOnlyList<AccessTokenInfo>>> ListTokens();

    /// <summary>Revokes a token; only the person or an admin may. Revoking twice is fine.</summary>
    [Alias("RevokeToken")]
    Task<CommandResult> RevokeToken(string tokenId);

    /// <summary>Accepts a request authenticated by the token <paramref name="tokenId"/> when it is live; records its use.</summary>
    [Alias("AuthenticateToken")]
    Task<CommandResult<PersonProfile>> AuthenticateToken(string tokenId);
}
