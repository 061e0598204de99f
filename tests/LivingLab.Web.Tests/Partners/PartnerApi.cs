using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Partners;

/// <summary>Helpers for partner API tests: a host with a first admin from settings, and partners made through the API.</summary>
internal static class PartnerApi
{
    public const string AdminEmail = "admin@town.example.jp";
    public const string AdminPassword = "admin password 1234";

    /// <summary>A contact no public response may ever contain.</summary>
    public const string SecretContact = "secret-contact@mobility.example.jp";

    public static LivingLabFactory WithAdmin() => AccountApi.Factory(new()
    {
        ["LIVINGLAB_ADMIN_EMAIL"] = AdminEmail,
        ["LIVINGLAB_ADMIN_PASSWORD"] = AdminPassword,
    });

    public static async Task<HttpClient> SignedInAdmin(this LivingLabFactory factory)
    {
        var client = factory.CreateClient();
        using var login = await AccountApi.Login(client, AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    public static object Body(string name = "とびしまモビリティ株式会社", string description = "離島の配送を電動モビリティで。",
        string website = "https://mobility.example.jp/", string contact = SecretContact) => new { name, description, website, contact };

    /// <summary>Creates a partner as the admin and returns its id.</summary>
    public static async Task<string> CreatedId(HttpClient admin, object? body = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/partners", body ?? Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>A signed-in client whose person holds the partner role for <paramref name="partnerId"/>.</summary>
    public static async Task<HttpClient> Member(this LivingLabFactory factory, HttpClient admin, string partnerId)
    {
        var client = factory.CreateClient();
        var id = await AccountApi.RegisteredId(client);
        using var granted = await admin.PostAsJsonAsync($"/api/admin/users/{id}/roles", new { roles = new[] { "partner" }, partnerId });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return client;
    }
}
