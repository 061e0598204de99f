using LivingLab.Common;
using LivingLab.Partners;
using LivingLab.People;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.People;

public sealed class RoleTests
{
    [Fact]
    public async Task An_admin_grants_facilitator_and_the_resident_role_stays()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();

        var result = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles([Roles.Facilitator], null));

        Assert.True(result.Succeeded);
        Assert.Equal([Roles.Resident, Roles.Facilitator], result.Value!.Roles);
        Assert.Equal(result.Value, await silo.Person(person.Id).GetProfile());
        var events = await silo.Storage.ReadEventsAsync(0, 1000);
        Assert.Contains(events, e => e.EventType == "PersonRolesChanged" && e.ActorId == "admin-1" && e.GrainKey == person.Id);
    }

    [Fact]
    public async Task A_resident_calling_the_grain_directly_cannot_grant_roles()
    {
        await using var silo = await TestSilo.StartAsync();
        var resident = await silo.RegisterAsync();

        var toSelf = await Accounts.As(resident, () => silo.Person(resident.Id).SetRoles([Roles.Admin], null));
        var anonymous = await silo.Person(resident.Id).SetRoles([Roles.Admin], null);

        Assert.Equal(new Rejection("forbidden"), toSelf.Rejection);
        Assert.Equal(new Rejection("forbidden"), anonymous.Rejection);
        Assert.Equal([Roles.Resident], (await silo.Person(resident.Id).GetProfile())!.Roles);
    }

    [Fact]
    public async Task A_partner_role_needs_a_partner_organisation_and_keeps_it()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();
        var partnerId = PartnerRules.NewId();
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(partnerId).Create(new PartnerInput("酒田フェリー", null, null, null)));

        var missing = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles([Roles.Partner], null));
        var given = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles([Roles.Partner], partnerId));

        Assert.Equal(new Rejection("required", "partnerId"), missing.Rejection);
        Assert.Equal(partnerId, given.Value!.PartnerId);
    }

    [Fact]
    public async Task Unknown_roles_and_unknown_people_are_refused()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();

        var unknownRole = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles(["mayor"], null));
        var unknownPerson = await Accounts.AsAdmin("admin-1", () => silo.Person("nobody").SetRoles([Roles.Facilitator], null));

        Assert.Equal(new Rejection("invalidRole", "roles"), unknownRole.Rejection);
        Assert.Equal(new Rejection("notFound"), unknownPerson.Rejection);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        var admin = (await AdminBootstrap.EnsureAdminAsync(silo.Runtime, email, Accounts.Password)).Value!;

        var result = await Accounts.As(admin, () => silo.Person(admin.Id).SetRoles([Roles.Facilitator], null));

        Assert.Equal(new Rejection("ownAdminRole", "roles"), result.Rejection);
    }

    [Fact]
    public async Task Admin_bootstrap_creates_the_admin_once_and_promotes_an_existing_account()
    {
        await using var silo = await TestSilo.StartAsync();
        var email = Accounts.UniqueEmail();
        var existing = await silo.RegisterAsync(email);

        var first = await AdminBootstrap.EnsureAdminAsync(silo.Runtime, email, "ignored for existing accounts");
        var again = await AdminBootstrap.EnsureAdminAsync(silo.Runtime, email.ToUpperInvariant(), "ignored for existing accounts");
        var fresh = await AdminBootstrap.EnsureAdminAsync(silo.Runtime, Accounts.UniqueEmail(), Accounts.Password);

        Assert.Equal(existing.Id, first.Value!.Id);
        Assert.Equal([Roles.Resident, Roles.Admin], first.Value.Roles);
        Assert.Equal(first.Value, again.Value);
        Assert.True((await silo.Email(email).SignIn(Accounts.Password)).Succeeded);
        Assert.Equal([Roles.Resident, Roles.Admin], fresh.Value!.Roles);
        Assert.Equal(AdminBootstrap.DefaultDisplayName, fresh.Value.DisplayName);
    }

    [Fact]
    public async Task Admin_bootstrap_with_a_short_password_reports_the_rule()
    {
        await using var silo = await TestSilo.StartAsync();

        var result = await AdminBootstrap.EnsureAdminAsync(silo.Runtime, Accounts.UniqueEmail(), "short");

        Assert.Equal("tooShort", result.Rejection!.Code);
        Assert.Equal("password", result.Rejection.Field);
    }
}
