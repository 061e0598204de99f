using System.Net;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;

namespace LivingLab.Web.Tests.Hosting;

/// <summary>Orleans' dashboard: off by default, and when on, only admins see it.</summary>
public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task When_turned_on_the_dashboard_is_served_to_admins_only()
    {
        await using var factory = AccountApi.Factory(new()
        {
            ["LIVINGLAB_ADMIN_EMAIL"] = PartnerApi.AdminEmail,
            ["LIVINGLAB_ADMIN_PASSWORD"] = PartnerApi.AdminPassword,
            ["Orleans:Dashboard"] = "true",
        });
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var resident = factory.CreateClient(new() { AllowAutoRedirect = false });
        await AccountApi.RegisteredId(resident);
        var admin = await factory.SignedInAdmin();

        using var byAnonymous = await anonymous.GetAsync("/admin/orleans/");
        using var byResident = await resident.GetAsync("/admin/orleans/");
        using var byAdmin = await admin.GetAsync("/admin/orleans/");

        // Refused the way every staff address refuses: to the sign-in page, and to the access-denied page for a resident.
        Assert.Equal(HttpStatusCode.Found, byAnonymous.StatusCode);
        Assert.Contains("login", byAnonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Found, byResident.StatusCode);
        Assert.DoesNotContain("/admin/orleans", byResident.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Contains("Orleans", await byAdmin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task By_default_there_is_no_dashboard()
    {
        await using var factory = PartnerApi.WithAdmin();
        var admin = await factory.SignedInAdmin();

        using var response = await admin.GetAsync("/admin/orleans/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
