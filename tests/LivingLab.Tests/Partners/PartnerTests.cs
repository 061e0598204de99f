using LivingLab.Common;
using LivingLab.Partners;
using LivingLab.People;
using LivingLab.Tests.People;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.Partners;

public sealed class PartnerTests
{
    private static readonly PartnerInput Mobility = new(
        "  とびしまモビリティ株式会社 ", "離島の**配送**を電動モビリティで。", "https://mobility.example.jp/", "info@mobility.example.jp");

    [Fact]
    public async Task An_admin_creates_a_partner_and_the_event_names_the_admin_without_the_contact()
    {
        await using var silo = await TestSilo.StartAsync();
        var id = PartnerRules.NewId();

        var created = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));

        Assert.True(created.Succeeded, created.Rejection?.ToString());
        Assert.Equal(new PartnerDetails(id, "とびしまモビリティ株式会社", Mobility.Description!, Mobility.Website!, Mobility.Contact), created.Value);
        var events = await silo.Storage.ReadEventsAsync(0, 1000);
        var added = Assert.Single(events, e => e.EventType == "PartnerCreated");
        Assert.Equal("admin-1", added.ActorId);
        Assert.Equal(id, added.GrainKey);
        Assert.DoesNotContain(events, e => e.Payload.Contains("info@mobility", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Residents_partners_and_anonymous_callers_cannot_create_or_update()
    {
        await using var silo = await TestSilo.StartAsync();
        var resident = await silo.RegisterAsync();
        var id = PartnerRules.NewId();
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));

        var asResident = await Accounts.As(resident, () => silo.Grain<IPartnerGrain>(PartnerRules.NewId()).Create(Mobility));
        Caller.Set("member-1", [Roles.Resident, Roles.Partner], id);
        var asMember = await silo.Grain<IPartnerGrain>(id).Update(Mobility with { Name = "乗っ取り" });
        Caller.Clear();
        var anonymous = await silo.Grain<IPartnerGrain>(id).Update(Mobility with { Name = "乗っ取り" });

        Assert.Equal(new Rejection("forbidden"), asResident.Rejection);
        Assert.Equal(new Rejection("forbidden"), asMember.Rejection);
        Assert.Equal(new Rejection("forbidden"), anonymous.Rejection);
        Assert.Equal("とびしまモビリティ株式会社", (await silo.Grain<IPartnerGrain>(id).Get())!.Name);
    }

    public static TheoryData<PartnerInput, string, string> BadInputs() => new()
    {
        { Mobility with { Name = "  " }, "required", "name" },
        { Mobility with { Name = null }, "required", "name" },
        { Mobility with { Name = new string('社', 101) }, "tooLong", "name" },
        { Mobility with { Name = "改行\n入り" }, "invalidCharacters", "name" },
        { Mobility with { Description = new string('a', 5_001) }, "tooLong", "description" },
        { Mobility with { Website = "javascript:alert(1)" }, "invalidUrl", "website" },
        { Mobility with { Website = "ftp://files.example.jp/" }, "invalidUrl", "website" },
        { Mobility with { Website = "/relative/path" }, "invalidUrl", "website" },
        { Mobility with { Website = "https://example.jp/" + new string('a', 2_000) }, "tooLong", "website" },
        { Mobility with { Contact = new string('1', 201) }, "tooLong", "contact" },
        { Mobility with { Contact = "0234-22-\u0000" }, "invalidCharacters", "contact" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Each_invalid_field_is_refused_by_name(PartnerInput input, string code, string field)
    {
        await using var silo = await TestSilo.StartAsync();
        var id = PartnerRules.NewId();

        var result = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(input));

        Assert.Equal(code, result.Rejection!.Code);
        Assert.Equal(field, result.Rejection.Field);
        Assert.False(await silo.Grain<IPartnerGrain>(id).Exists());
    }

    [Fact]
    public async Task Empty_description_website_and_contact_are_allowed_with_exact_limits()
    {
        await using var silo = await TestSilo.StartAsync();
        var atLimits = new PartnerInput(new string('社', 100), new string('a', 5_000), "http://example.jp/" + new string('a', 1_982), new string('1', 200));

        var minimal = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(PartnerRules.NewId()).Create(new PartnerInput("町の商店会", null, "", null)));
        var full = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(PartnerRules.NewId()).Create(atLimits));

        Assert.True(minimal.Succeeded, minimal.Rejection?.ToString());
        Assert.Equal(("", "", ""), (minimal.Value!.Description, minimal.Value.Website, minimal.Value.Contact));
        Assert.True(full.Succeeded, full.Rejection?.ToString());
    }

    [Fact]
    public async Task Create_twice_is_refused_and_update_of_an_unknown_partner_is_not_found()
    {
        await using var silo = await TestSilo.StartAsync();
        var id = PartnerRules.NewId();

        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));
        var again = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));
        var unknown = await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>("nobody").Update(Mobility));

        Assert.Equal(new Rejection("alreadyExists"), again.Rejection);
        Assert.Equal(new Rejection("notFound"), unknown.Rejection);
        Assert.Null(await silo.Grain<IPartnerGrain>("nobody").Get());
    }

    [Fact]
    public async Task The_contact_is_shown_to_admins_and_members_of_that_partner_only()
    {
        await using var silo = await TestSilo.StartAsync();
        var id = PartnerRules.NewId();
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));
        var grain = silo.Grain<IPartnerGrain>(id);

        var asAdmin = await Accounts.AsAdmin("admin-1", grain.Get);
        Caller.Set("member-1", [Roles.Resident, Roles.Partner], id);
        var asMember = await grain.Get();
        Caller.Set("member-2", [Roles.Resident, Roles.Partner], "another-partner");
        var asOtherPartner = await grain.Get();
        Caller.Set("resident-1", [Roles.Resident], id);
        var asResidentWithStalePartnerId = await grain.Get();
        Caller.Clear();
        var anonymous = await grain.Get();

        Assert.Equal(Mobility.Contact, asAdmin!.Contact);
        Assert.Equal(Mobility.Contact, asMember!.Contact);
        Assert.Null(asOtherPartner!.Contact);
        Assert.Null(asResidentWithStalePartnerId!.Contact);
        Assert.Null(anonymous!.Contact);
    }

    [Fact]
    public async Task The_directory_lists_created_partners_in_order_with_public_fields_and_follows_updates()
    {
        await using var silo = await TestSilo.StartAsync();
        var (first, second) = (PartnerRules.NewId(), PartnerRules.NewId());

        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(first).Create(Mobility));
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(second).Create(new PartnerInput("酒田フェリー", "", "", "0234-00-0000")));
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(first).Update(Mobility with { Name = "とびしまモビリティ" }));
        var list = await silo.Grain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List();

        Assert.Equal([first, second], list.Select(p => p.Id));
        Assert.Equal(["とびしまモビリティ", "酒田フェリー"], list.Select(p => p.Name));
        Assert.Equal(new PartnerSummary(first, "とびしまモビリティ", Mobility.Description!, Mobility.Website!), list[0]);
    }

    [Fact]
    public async Task Only_admins_may_write_to_the_directory()
    {
        await using var silo = await TestSilo.StartAsync();
        var resident = await silo.RegisterAsync();

        var refused = await Accounts.As(resident, () => silo.Grain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).Put(new PartnerSummary("fake", "偽物", "", "")));

        Assert.Equal(new Rejection("forbidden"), refused.Rejection);
        Assert.Empty(await silo.Grain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List());
    }

    [Fact]
    public async Task The_partner_role_needs_an_existing_partner()
    {
        await using var silo = await TestSilo.StartAsync();
        var person = await silo.RegisterAsync();
        var id = PartnerRules.NewId();
        await Accounts.AsAdmin("admin-1", () => silo.Grain<IPartnerGrain>(id).Create(Mobility));

        var unknown = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles([Roles.Partner], "no-such-partner"));
        var known = await Accounts.AsAdmin("admin-1", () => silo.Person(person.Id).SetRoles([Roles.Partner], id));

        Assert.Equal(new Rejection("notFound", "partnerId"), unknown.Rejection);
        Assert.Equal(id, known.Value!.PartnerId);
    }
}
