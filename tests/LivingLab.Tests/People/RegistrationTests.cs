using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.People;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Registering_creates_a_resident_with_the_trimmed_display_name()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();

        var result = await silo.Email(email).Register(new Registration(email, Accounts.Password, "  酒田 花子  "));

        Assert.True(result.Succeeded);
        Assert.Equal("酒田 花子", result.Value!.DisplayName);
        Assert.Equal([Roles.Resident], result.Value.Roles);
        Assert.Null(result.Value.PartnerId);
        Assert.Equal(result.Value, await silo.Person(result.Value.Id).GetProfile());
        Assert.Equal(result.Value.Id, await silo.Email(email).GetPersonId());
    }

    [Fact]
    public async Task A_second_registration_with_the_same_email_in_any_case_is_refused_as_emailTaken()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        var first = await silo.RegisterAsync(email);

        var upper = email.ToUpperInvariant();
        var second = await silo.Email(upper).Register(new Registration(upper, "another password", "別の人"));

        Assert.Equal(new Rejection("emailTaken", "email"), second.Rejection);
        Assert.Equal(first.Id, await silo.Email(email).GetPersonId());
    }

    [Fact]
    public async Task Fifty_parallel_registrations_of_one_email_create_exactly_one_account()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => silo.Email(email).Register(new Registration(email, Accounts.Password, $"人 {i}")))));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("emailTaken", r.Rejection!.Code));
        Assert.Equal(winner.Value!.Id, await silo.Email(email).GetPersonId());
    }

    [Theory]
    [InlineData("", Accounts.Password, "名前", "required", "email")]
    [InlineData("not-an-email", Accounts.Password, "名前", "invalidEmail", "email")]
    [InlineData("a@b", Accounts.Password, "名前", "invalidEmail", "email")]
    [InlineData("two@@example.jp", Accounts.Password, "名前", "invalidEmail", "email")]
    [InlineData("ok@example.jp", "", "名前", "required", "password")]
    [InlineData("ok@example.jp", "short1234", "名前", "tooShort", "password")]
    [InlineData("ok@example.jp", Accounts.Password, "   ", "required", "displayName")]
    [InlineData("ok@example.jp", Accounts.Password, "a\u0007b", "invalidCharacters", "displayName")]
    public async Task A_bad_field_is_refused_with_the_field_and_the_rule(string email, string password, string displayName, string code, string field)
    {
        await using var silo = await TestSilo.StartAsync();

        var result = await silo.Grain<IEmailIndexGrain>(email == "" ? "empty" : AccountRules.NormalizeEmail(email))
            .Register(new Registration(email, password, displayName));

        Assert.Equal(code, result.Rejection!.Code);
        Assert.Equal(field, result.Rejection.Field);
    }

    [Fact]
    public void Length_limits_count_characters_and_are_inclusive()
    {
        Assert.Null(AccountRules.CheckEmail(new string('a', 254 - "@example.jp".Length) + "@example.jp"));
        Assert.Equal("tooLong", AccountRules.CheckEmail(new string('a', 255 - "@example.jp".Length) + "@example.jp")!.Code);
        Assert.Null(AccountRules.CheckPassword(new string('p', 10)));
        Assert.Null(AccountRules.CheckPassword(new string('p', 128)));
        Assert.Equal("tooLong", AccountRules.CheckPassword(new string('p', 129))!.Code);
        Assert.Null(AccountRules.CheckDisplayName(new string('名', 50)));
        Assert.Null(AccountRules.CheckDisplayName(string.Concat(Enumerable.Repeat("👩‍🌾", 50))));
        var tooLong = AccountRules.CheckDisplayName(new string('名', 51))!;
        Assert.Equal(("tooLong", "displayName", "50"), (tooLong.Code, tooLong.Field, tooLong.Values!["limit"]));
    }

    [Fact]
    public async Task The_stored_password_hash_never_equals_or_contains_the_password_and_events_carry_no_email()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        var person = await silo.RegisterAsync(email);

        var stored = await silo.Storage.ReadAsync(new StateId(typeof(IPersonGrain).FullName!, person.Id, "person"));
        var events = await silo.Storage.ReadEventsAsync(0, 1000);

        Assert.NotNull(stored);
        Assert.DoesNotContain(Accounts.Password, stored!.Payload);
        Assert.Contains("\"passwordHash\":\"", stored.Payload);
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.DoesNotContain(email, e.Payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Accounts.Password, e.Payload);
        });
        Assert.Contains(events, e => e.EventType == "PersonRegistered" && e.ActorId == person.Id);
    }

    [Fact]
    public async Task An_email_claimed_by_a_registration_that_died_before_creating_the_person_can_register_again()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        // What a process that died between claiming the email and creating the person leaves in the store.
        var claim = new StateId(typeof(IEmailIndexGrain).FullName!, AccountRules.NormalizeEmail(email), "email");
        await silo.Storage.WriteAsync(new StateWrite(claim, """{"schemaVersion":1,"personId":"0123456789abcdef01234567"}""", 0, []));

        var result = await silo.Email(email).Register(new Registration(email, Accounts.Password, "酒田 花子"));

        Assert.True(result.Succeeded, result.Rejection?.ToString());
        Assert.NotEqual("0123456789abcdef01234567", result.Value!.Id);
        Assert.Equal(result.Value.Id, await silo.Email(email).GetPersonId());
    }
}
