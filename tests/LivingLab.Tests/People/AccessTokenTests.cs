using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.People;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task A_created_token_is_found_by_its_hash_and_authenticates_its_owner()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();

        var created = await Accounts.As(person, () => silo.Person(person.Id).CreateToken("  会計システム  "));
        var binding = await silo.Grain<ITokenIndexGrain>(AccessTokens.Hash(created.Value!.Token)).Get();
        var authenticated = await silo.Person(binding!.PersonId).AuthenticateToken(binding.TokenId);

        Assert.StartsWith(AccessTokens.Prefix, created.Value.Token);
        Assert.Equal("会計システム", created.Value.Info.Name);
        Assert.Equal(new TokenBinding(person.Id, created.Value.Info.Id), binding);
        Assert.Equal(person, authenticated.Value);
    }

    [Fact]
    public async Task Only_the_token_hash_is_stored_and_the_list_carries_no_secret()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();
        var created = (await Accounts.As(person, () => silo.Person(person.Id).CreateToken("partner system"))).Value!;

        var stored = await silo.Storage.ReadAsync(new StateId(typeof(IPersonGrain).FullName!, person.Id, "person"));
        var list = await Accounts.As(person, () => silo.Person(person.Id).ListTokens());

        Assert.DoesNotContain(created.Token, stored!.Payload);
        Assert.Contains(AccessTokens.Hash(created.Token), stored.Payload);
        var listed = Assert.Single(list.Value!);
        Assert.Equal(created.Info, listed);
    }

    [Fact]
    public async Task Use_of_a_token_is_recorded_at_most_once_a_minute()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();
        var created = (await Accounts.As(person, () => silo.Person(person.Id).CreateToken("sync"))).Value!;

        await silo.Person(person.Id).AuthenticateToken(created.Info.Id);
        var firstUse = silo.Clock.GetUtcNow();
        silo.Clock.Advance(TimeSpan.FromSeconds(30));
        await silo.Person(person.Id).AuthenticateToken(created.Info.Id);
        var afterHalfAMinute = (await Accounts.As(person, () => silo.Person(person.Id).ListTokens())).Value!.Single().LastUsed;
        silo.Clock.Advance(TimeSpan.FromSeconds(30));
        await silo.Person(person.Id).AuthenticateToken(created.Info.Id);
        var afterAMinute = (await Accounts.As(person, () => silo.Person(person.Id).ListTokens())).Value!.Single().LastUsed;

        Assert.Equal(firstUse, afterHalfAMinute);
        Assert.Equal(silo.Clock.GetUtcNow(), afterAMinute);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_authenticates_and_leaves_the_index()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();
        var created = (await Accounts.As(person, () => silo.Person(person.Id).CreateToken("old system"))).Value!;

        var revoked = await Accounts.As(person, () => silo.Person(person.Id).RevokeToken(created.Info.Id));
        var againRevoked = await Accounts.As(person, () => silo.Person(person.Id).RevokeToken(created.Info.Id));

        Assert.True(revoked.Succeeded);
        Assert.True(againRevoked.Succeeded);
        Assert.Equal(new Rejection("invalidToken"), (await silo.Person(person.Id).AuthenticateToken(created.Info.Id)).Rejection);
        Assert.Null(await silo.Grain<ITokenIndexGrain>(AccessTokens.Hash(created.Token)).Get());
        Assert.True((await Accounts.As(person, () => silo.Person(person.Id).ListTokens())).Value!.Single().Revoked);
    }

    [Fact]
    public async Task Nobody_else_can_create_list_or_revoke_a_persons_tokens()
    {
        await using var silo = await TestSilo.StartAsync();
        var owner = await silo.RegisterAsync();
        var other = await silo.RegisterAsync();
        var created = (await Accounts.As(owner, () => silo.Person(owner.Id).CreateToken("mine"))).Value!;

        Assert.Equal(new Rejection("forbidden"), (await Accounts.As(other, () => silo.Person(owner.Id).CreateToken("theirs"))).Rejection);
        Assert.Equal(new Rejection("forbidden"), (await Accounts.As(other, () => silo.Person(owner.Id).ListTokens())).Rejection);
        Assert.Equal(new Rejection("forbidden"), (await Accounts.As(other, () => silo.Person(owner.Id).RevokeToken(created.Info.Id))).Rejection);
        Assert.Equal(new Rejection("forbidden"), (await silo.Person(owner.Id).CreateToken("anonymous")).Rejection);
        Assert.Equal(new Rejection("forbidden"), (await Accounts.As(other, () => silo.Grain<ITokenIndexGrain>(AccessTokens.Hash(created.Token)).Unbind())).Rejection);
        Assert.True((await silo.Person(owner.Id).AuthenticateToken(created.Info.Id)).Succeeded);
    }

    [Fact]
    public async Task A_token_name_is_validated()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();

        var empty = await Accounts.As(person, () => silo.Person(person.Id).CreateToken(" "));
        var tooLong = await Accounts.As(person, () => silo.Person(person.Id).CreateToken(new string('x', 51)));

        Assert.Equal(new Rejection("required", "name"), empty.Rejection);
        Assert.Equal(("tooLong", "name"), (tooLong.Rejection!.Code, tooLong.Rejection.Field));
    }
}
