using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Security.Cryptography;
using LivingLab.Common;
using LivingLab.Partners;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.People;

/// <summary>A person's account. Checks who is calling for every staff or owner-only action, not only at the endpoint.</summary>
public sealed class PersonGrain(
    [EventedState("person")] IEventedState<PersonState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IPersonGrain
{
    /// <summary>Consecutive failures that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lockout lasts.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Live tokens one person may hold: enough for a few partner systems, few enough to review.</summary>
    public const int MaxTokens = 20;

    // Recording every use of a token would be a write per API call; once a minute is precise enough to spot a stale one.
    private static readonly TimeSpan TokenUseResolution = TimeSpan.FromMinutes(1);

    private bool Exists => state.State.PasswordHash is not null;

    private string Id => this.GetPrimaryKeyString();

    public async Task<CommandResult<PersonProfile>> Create(Registration registration)
    {
        if (Exists)
        {
            return CommandResult<PersonProfile>.Reject("alreadyExists");
        }

        if (AccountRules.CheckRegistration(registration) is { } problem)
        {
            return new CommandResult<PersonProfile>(null, problem);
        }

        state.State = new PersonState
        {
            DisplayName = registration.DisplayName.Trim(),
            Email = registration.Email.Trim(),
            PasswordHash = Passwords.Hash(registration.Password),
            Roles = [Roles.Resident],
            Created = clock.GetUtcNow(),
        };
        await state.WriteStateAsync([new DomainEvent("PersonRegistered", new { PersonId = Id }, Id)]);
        return CommandResult<PersonProfile>.Success(Profile());
    }

    public Task<PersonProfile?> GetProfile() => Task.FromResult(Exists ? Profile() : null);

    public async Task<CommandResult<PersonProfile>> SignIn(string password)
    {
        if (!Exists)
        {
            Passwords.VerifyDecoy(password ?? "");
            return CommandResult<PersonProfile>.Reject("invalidCredentials");
        }

        var now = clock.GetUtcNow();
        if (state.State.LockedUntil is { } until && until > now)
        {
            return LockedOut(until - now);
        }

        if (!Passwords.Verify(state.State.PasswordHash!, password ?? "", out var rehashed))
        {
            return await RecordFailure(now);
        }

        var changed = state.State.FailedSignIns != 0 || state.State.LockedUntil is not null || rehashed is not null;
        state.State.FailedSignIns = 0;
        state.State.LockedUntil = null;
        state.State.PasswordHash = rehashed ?? state.State.PasswordHash;
        if (changed)
        {
            await state.WriteStateAsync();
        }

        return CommandResult<PersonProfile>.Success(Profile());
    }

    public async Task<CommandResult<PersonProfile>> SetRoles(IReadOnlyList<string> roles, string? partnerId)
    {
        if (!Caller.IsAdmin)
        {
            return CommandResult<PersonProfile>.Reject("forbidden");
        }

        if (!Exists)
        {
            return CommandResult<PersonProfile>.Reject("notFound");
        }

        if (roles is null || roles.Any(r => !Roles.IsKnown(r)))
        {
            return CommandResult<PersonProfile>.Reject("invalidRole", "roles");
        }

        var wanted = Roles.All.Where(r => r == Roles.Resident || roles.Contains(r, StringComparer.Ordinal)).ToList();
        partnerId = string.IsNullOrWhiteSpace(partnerId) ? null : partnerId.Trim();
        if (wanted.Contains(Roles.Partner) && partnerId is null)
        {
            return CommandResult<PersonProfile>.Reject("required", "partnerId");
        }

        if (partnerId is { Length: > AccountRules.MaxPartnerIdLength })
        {
            return CommandResult<PersonProfile>.Reject("tooLong", "partnerId", new Dictionary<string, string>
            {
                ["limit"] = AccountRules.MaxPartnerIdLength.ToString(CultureInfo.InvariantCulture),
            });
        }

        // Checked in the grain rather than at the endpoint: the grain is the authority on roles, so no caller (a page, a
        // seed, a direct grain call) can bind a person to a partner organisation that does not exist.
        if (wanted.Contains(Roles.Partner) && !await GrainFactory.GetGrain<IPartnerGrain>(partnerId!).Exists())
        {
            return CommandResult<PersonProfile>.Reject("notFound", "partnerId");
        }

        // An admin who drops their own admin role could leave the town with no one able to grant roles.
        if (Caller.Is(Id) && !wanted.Contains(Roles.Admin))
        {
            return CommandResult<PersonProfile>.Reject("ownAdminRole", "roles");
        }

        partnerId = wanted.Contains(Roles.Partner) ? partnerId : null;
        if (wanted.SequenceEqual(state.State.Roles) && partnerId == state.State.PartnerId)
        {
            return CommandResult<PersonProfile>.Success(Profile());
        }

        state.State.Roles = wanted;
        state.State.PartnerId = partnerId;
        await state.WriteStateAsync([new DomainEvent("PersonRolesChanged", new { PersonId = Id, Roles = wanted, PartnerId = partnerId }, Caller.Id)]);
        return CommandResult<PersonProfile>.Success(Profile());
    }

    public async Task<CommandResult<CreatedAccessToken>> CreateToken(string name)
    {
        if (!Exists)
        {
            return CommandResult<CreatedAccessToken>.Reject("notFound");
        }

        // Only the owner: a token acts with all of its owner's rights, so not even an admin may mint one for someone.
        if (!Caller.Is(Id))
        {
            return CommandResult<CreatedAccessToken>.Reject("forbidden");
        }

        if (AccountRules.CheckTokenName(name) is { } problem)
        {
            return new CommandResult<CreatedAccessToken>(null, problem);
        }

        if (state.State.Tokens.Count(t => t.Revoked is null) >= MaxTokens)
        {
            return CommandResult<CreatedAccessToken>.Reject("tooMany", "name", new Dictionary<string, string>
            {
                ["limit"] = MaxTokens.ToString(CultureInfo.InvariantCulture),
            });
        }

        var secret = AccessTokens.Generate();
        var token = new AccessTokenState
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name = name.Trim(),
            Hash = AccessTokens.Hash(secret),
            Created = clock.GetUtcNow(),
        };

        // Index first: a token the index knows but this grain never stored is refused at use, never the other way round.
        var bound = await GrainFactory.GetGrain<ITokenIndexGrain>(token.Hash).Bind(new TokenBinding(Id, token.Id));
        if (!bound.Succeeded)
        {
            throw new InvalidOperationException($"A new token hash was already bound ({bound.Rejection!.Code}); refusing to reuse it.");
        }

        state.State.Tokens.Add(token);
        await state.WriteStateAsync([new DomainEvent("AccessTokenCreated", new { PersonId = Id, TokenId = token.Id }, Id)]);
        return CommandResult<CreatedAccessToken>.Success(new CreatedAccessToken(Info(token), secret));
    }

    public Task<CommandResult<IReadOnlyList<AccessTokenInfo>>> ListTokens()
    {
        if (!Caller.Is(Id) && !Caller.IsAdmin)
        {
            return Task.FromResult(CommandResult<IReadOnlyList<AccessTokenInfo>>.Reject("forbidden"));
        }

        IReadOnlyList<AccessTokenInfo> tokens = state.State.Tokens.Select(Info).ToArray();
        return Task.FromResult(CommandResult<IReadOnlyList<AccessTokenInfo>>.Success(tokens));
    }

    public async Task<CommandResult> RevokeToken(string tokenId)
    {
        if (!Caller.Is(Id) && !Caller.IsAdmin)
        {
            return CommandResult.Reject("forbidden");
        }

        var token = state.State.Tokens.FirstOrDefault(t => t.Id == tokenId);
        if (token is null)
        {
            return CommandResult.Reject("notFound");
        }

        if (token.Revoked is null)
        {
            token.Revoked = clock.GetUtcNow();
            await state.WriteStateAsync([new DomainEvent("AccessTokenRevoked", new { PersonId = Id, TokenId = token.Id }, Caller.Id)]);
        }

        // The revocation above is what counts (AuthenticateToken checks it); dropping the index entry is tidying.
        await GrainFactory.GetGrain<ITokenIndexGrain>(token.Hash).Unbind();
        return CommandResult.Ok;
    }

    public async Task<CommandResult<PersonProfile>> AuthenticateToken(string tokenId)
    {
        var token = Exists ? state.State.Tokens.FirstOrDefault(t => t.Id == tokenId) : null;
        if (token is null || token.Revoked is not null)
        {
            return CommandResult<PersonProfile>.Reject("invalidToken");
        }

        var now = clock.GetUtcNow();
        if (token.LastUsed is not { } last || now - last >= TokenUseResolution)
        {
            token.LastUsed = now;
            await state.WriteStateAsync();
        }

        return CommandResult<PersonProfile>.Success(Profile());
    }

    private async Task<CommandResult<PersonProfile>> RecordFailure(DateTimeOffset now)
    {
        state.State.LockedUntil = null;
        state.State.FailedSignIns++;
        if (state.State.FailedSignIns < MaxFailedSignIns)
        {
            await state.WriteStateAsync();
            return CommandResult<PersonProfile>.Reject("invalidCredentials");
        }

        state.State.FailedSignIns = 0;
        state.State.LockedUntil = now + LockoutDuration;
        await state.WriteStateAsync([new DomainEvent("PersonLockedOut", new { PersonId = Id, Until = state.State.LockedUntil }, null)]);
        return LockedOut(LockoutDuration);
    }

    private static CommandResult<PersonProfile> LockedOut(TimeSpan remaining) =>
        CommandResult<PersonProfile>.Reject("lockedOut", null, new Dictionary<string, string>
        {
            ["minutes"] = Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
            ["retryAfterSeconds"] = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        });

    private PersonProfile Profile() =>
        new(Id, state.State.DisplayName ?? FormerMember.DisplayNameJa, state.State.Roles.ToArray(), state.State.PartnerId);

    private static AccessTokenInfo Info(AccessTokenState token) =>
        new(token.Id, token.Name, token.Created, token.LastUsed, token.Revoked is not null);
}
