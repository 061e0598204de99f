using System.Net;
using System.Net.Http.Json;

namespace LivingLab.Web.Tests.Account;

public sealed class AdminApiTests
{
    private const string AdminEmail = "admin@town.example.jp";
    private const string AdminPassword = "admin password 1234";

    private static LivingLabFactory WithAdmin() => AccountApi.Factory(new()
    {
        ["LIVINGLAB_ADMIN_EMAIL"] = AdminEmail,
        ["LIVINGLAB_ADMIN_PASSWORD"] = AdminPassword,
    });

    [Fact]
    public async Task The_admin_from_settings_grants_facilitator_and_the_person_sees_it_on_the_next_request()
    {
        await using var factory = WithAdmin();
        using var admin = factory.CreateClient();
        using var person = factory.CreateClient();
        var personId = await AccountApi.RegisteredId(person);

        using var login = await AccountApi.Login(admin, AdminEmail, AdminPassword);
        var adminAccount = await AccountApi.Json(login);
        using var granted = await admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", new { roles = new[] { "facilitator" }, partnerId = (string?)null });
        var me = await AccountApi.Json(await person.GetAsync("/api/account/me"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("admin", adminAccount.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(["resident", "facilitator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_partner_role_without_a_partner_organisation_is_a_400_naming_partnerId()
    {
        await using var factory = WithAdmin();
        using var admin = factory.CreateClient();
        using var person = factory.CreateClient();
        var personId = await AccountApi.RegisteredId(person);
        await AccountApi.Login(admin, AdminEmail, AdminPassword);
        using var partner = await admin.PostAsJsonAsync("/api/partners", new { name = "酒田フェリー" });
        var partnerId = (await AccountApi.Json(partner)).GetProperty("id").GetString();

        using var missing = await admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", new { roles = new[] { "partner" } });
        using var given = await admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", new { roles = new[] { "partner" }, partnerId });

        var problem = await AccountApi.Problem(missing, HttpStatusCode.BadRequest, "required");
        Assert.Equal("partnerId", problem.GetProperty("field").GetString());
        Assert.Equal(partnerId, (await AccountApi.Json(given)).GetProperty("partnerId").GetString());
    }

    [Fact]
    public async Task A_resident_gets_403_and_an_anonymous_caller_401_from_the_admin_endpoint()
    {
        await using var factory = WithAdmin();
        using var resident = factory.CreateClient();
        using var anonymous = factory.CreateClient();
        var residentId = await AccountApi.RegisteredId(resident);

        using var forbidden = await resident.PostAsJsonAsync($"/api/admin/users/{residentId}/roles", new { roles = new[] { "admin" } });
        using var unauthenticated = await anonymous.PostAsJsonAsync($"/api/admin/users/{residentId}/roles", new { roles = new[] { "admin" } });

        await AccountApi.Problem(forbidden, HttpStatusCode.Forbidden, "forbidden");
        await AccountApi.Problem(unauthenticated, HttpStatusCode.Unauthorized, "unauthenticated");
        var me = await AccountApi.Json(await resident.GetAsync("/api/account/me"));
        Assert.Equal(["resident"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Admin_bootstrap_is_idempotent_across_restarts_on_the_same_store()
    {
        string path;
        await using (var first = WithAdmin())
        {
            path = first.DatabasePath;
            using var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await AccountApi.Login(client, AdminEmail, AdminPassword)).StatusCode);
        }

        await using var second = AccountApi.Factory(new()
        {
            ["Storage:Sqlite:Path"] = path,
            ["LIVINGLAB_ADMIN_EMAIL"] = AdminEmail.ToUpperInvariant(),
            ["LIVINGLAB_ADMIN_PASSWORD"] = "a different password",
        });
        using var again = second.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await AccountApi.Login(again, AdminEmail, AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task A_too_short_admin_password_stops_start_up_naming_the_setting()
    {
        await using var factory = AccountApi.Factory(new()
        {
            ["LIVINGLAB_ADMIN_EMAIL"] = AdminEmail,
            ["LIVINGLAB_ADMIN_PASSWORD"] = "short",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("LIVINGLAB_ADMIN_PASSWORD", failure.ToString());
    }
}
