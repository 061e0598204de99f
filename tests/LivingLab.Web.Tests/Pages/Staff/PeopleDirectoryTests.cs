using System.Net;
using System.Net.Http.Json;
using LivingLab.ReadModel;
using LivingLab.ReadModel.People;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>The people directory behind /admin, fed by the real person grains, on SQLite and PostgreSQL.</summary>
public abstract class PeopleDirectoryTests
{
    protected abstract Task<LivingLabFactory> CreateFactoryAsync();

    [Fact]
    public async Task Every_account_is_listed_newest_first_with_roles_and_partner_and_found_by_a_folded_name()
    {
        await using var factory = await CreateFactoryAsync();
        using var admin = await factory.SignedInAdmin();
        var partnerId = await PartnerApi.CreatedId(admin);
        var hanako = await Register(factory, "Sakata Hanako");
        var taro = await Register(factory, "ｻｶﾀ 太郎");
        var jiro = await Register(factory, "飛島 次郎");
        await Grant(admin, taro, new { roles = new[] { "facilitator" } });
        await Grant(admin, jiro, new { roles = new[] { "partner" }, partnerId });
        await Grant(admin, jiro, new { roles = new[] { "partner", "facilitator" }, partnerId });

        var directory = factory.Services.GetRequiredService<PeopleDirectory>();
        await factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();

        var all = await directory.ListAsync(new PeopleQuery());
        Assert.Equal(4, all.Total);
        Assert.Equal([jiro, taro, hanako], all.Items.Take(3).Select(p => p.Id));
        Assert.Equal(["resident", "admin"], all.Items[3].Roles);
        var partner = all.Items[0];
        Assert.Equal(("飛島 次郎", partnerId), (partner.DisplayName, partner.PartnerId));
        Assert.Equal(["resident", "facilitator", "partner"], partner.Roles);

        Assert.Equal([hanako], (await directory.ListAsync(new PeopleQuery("sakata"))).Items.Select(p => p.Id));
        Assert.Equal([taro], (await directory.ListAsync(new PeopleQuery("サカタ"))).Items.Select(p => p.Id));
        Assert.Equal([jiro, taro], (await directory.ListAsync(new PeopleQuery(Role: "facilitator"))).Items.Select(p => p.Id));
        Assert.Equal([taro], (await directory.ListAsync(new PeopleQuery("太郎", "facilitator"))).Items.Select(p => p.Id));
        Assert.Empty((await directory.ListAsync(new PeopleQuery("%"))).Items);
        Assert.Empty((await directory.ListAsync(new PeopleQuery(Role: "facilitat"))).Items);

        var second = await directory.ListAsync(new PeopleQuery(Page: 2, PageSize: 3));
        Assert.Equal((4, 1), (second.Total, second.Items.Count));
    }

    [Fact]
    public async Task A_rebuild_from_the_event_log_gives_the_same_directory()
    {
        await using var factory = await CreateFactoryAsync();
        using var admin = await factory.SignedInAdmin();
        var person = await Register(factory, "酒田 花子");
        await Grant(admin, person, new { roles = new[] { "facilitator" } });
        var runner = factory.Services.GetRequiredService<ProjectionRunner>();
        var directory = factory.Services.GetRequiredService<PeopleDirectory>();
        await runner.CatchUpAsync();
        var before = await directory.ListAsync(new PeopleQuery());

        await runner.RebuildAsync(PeopleDirectoryProjection.ProjectionName);
        var after = await directory.ListAsync(new PeopleQuery());

        Assert.Equal(before.Items.Select(p => (p.Id, p.DisplayName, string.Join(",", p.Roles), p.PartnerId)), after.Items.Select(p => (p.Id, p.DisplayName, string.Join(",", p.Roles), p.PartnerId)));
    }

    private static async Task<string> Register(LivingLabFactory factory, string displayName)
    {
        using var client = factory.CreateClient();
        using var response = await AccountApi.Register(client, AccountApi.UniqueEmail(), displayName: displayName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    private static async Task Grant(HttpClient admin, string personId, object roles)
    {
        using var granted = await admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", roles);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }
}

public sealed class SqlitePeopleDirectoryTests : PeopleDirectoryTests
{
    protected override Task<LivingLabFactory> CreateFactoryAsync() => Task.FromResult(PartnerApi.WithAdmin());
}

public sealed class PostgresPeopleDirectoryTests : PeopleDirectoryTests
{
    protected override async Task<LivingLabFactory> CreateFactoryAsync() => AccountApi.Factory(new()
    {
        ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
        ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = await PostgresTestServer.CreateDatabaseAsync(),
    });
}
