using LivingLab.Common;
using LivingLab.People;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.People;

public sealed class SignInTests
{
    [Fact]
    public async Task The_right_password_signs_in_with_any_case_of_the_email()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        var person = await silo.RegisterAsync(email);

        var result = await silo.Email(email.ToUpperInvariant()).SignIn(Accounts.Password);

        Assert.True(result.Succeeded);
        Assert.Equal(person, result.Value);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_are_refused_alike_as_invalidCredentials()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        await silo.RegisterAsync(email);

        var wrongPassword = await silo.Email(email).SignIn("wrong password!");
        var unknownEmail = await silo.Email(Accounts.UniqueEmail()).SignIn(Accounts.Password);

        Assert.Equal(new Rejection("invalidCredentials"), wrongPassword.Rejection);
        Assert.Equal(new Rejection("invalidCredentials"), unknownEmail.Rejection);
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_for_15_minutes_even_against_the_right_password()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        await silo.RegisterAsync(email);

        for (var i = 1; i < PersonGrain.MaxFailedSignIns; i++)
        {
            Assert.Equal("invalidCredentials", (await silo.Email(email).SignIn($"wrong {i} password")).Rejection!.Code);
        }

        var fifth = await silo.Email(email).SignIn("wrong 5 password");
        silo.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await silo.Email(email).SignIn(Accounts.Password);

        Assert.Equal("lockedOut", fifth.Rejection!.Code);
        Assert.Equal("15", fifth.Rejection.Values!["minutes"]);
        Assert.Equal("lockedOut", stillLocked.Rejection!.Code);
        Assert.Equal("1", stillLocked.Rejection.Values!["minutes"]);
    }

    [Fact]
    public async Task A_lockout_ends_after_15_minutes_and_the_count_starts_again()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        await silo.RegisterAsync(email);
        for (var i = 0; i < PersonGrain.MaxFailedSignIns; i++)
        {
            await silo.Email(email).SignIn("wrong password!");
        }

        silo.Clock.Advance(PersonGrain.LockoutDuration);
        var afterLockout = await silo.Email(email).SignIn(Accounts.Password);
        var oneMoreFailure = await silo.Email(email).SignIn("wrong password!");

        Assert.True(afterLockout.Succeeded);
        Assert.Equal("invalidCredentials", oneMoreFailure.Rejection!.Code);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        await silo.RegisterAsync(email);
        for (var i = 0; i < PersonGrain.MaxFailedSignIns - 1; i++)
        {
            await silo.Email(email).SignIn("wrong password!");
        }

        Assert.True((await silo.Email(email).SignIn(Accounts.Password)).Succeeded);
        var next = await silo.Email(email).SignIn("wrong password!");

        Assert.Equal("invalidCredentials", next.Rejection!.Code);
    }

    [Fact]
    public async Task The_lockout_survives_a_restart_of_the_silo()
    {
        var path = Path.Combine(Path.GetTempPath(), "livinglab-tests", $"{Guid.NewGuid():N}.db");
        var email = Accounts.UniqueEmail();
        await using (var silo = await TestSilo.StartAsync(path))
        {
            await silo.RegisterAsync(email);
            for (var i = 0; i < PersonGrain.MaxFailedSignIns; i++)
            {
                await silo.Email(email).SignIn("wrong password!");
            }
        }

        await using (var silo = await TestSilo.StartAsync(path))
        {
            Assert.Equal("lockedOut", (await silo.Email(email).SignIn(Accounts.Password)).Rejection!.Code);
        }
    }
}
