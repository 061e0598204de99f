using System.Net;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>Who may open the staff pages: anonymous visitors are sent to sign in, others without the role get the 403 page.</summary>
public sealed class StaffAccessTests
{
    [Theory]
    [InlineData("/facilitate")]
    [InlineData("/admin")]
    [InlineData("/admin/partners")]
    [InlineData("/admin/categories")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back(string path)
    {
        await using var site = await StaffSite.StartAsync();
        using var anonymous = site.NewClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_resident_gets_the_403_page_for_every_staff_page_and_a_facilitator_for_the_admin_pages_only()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("フェリーのオンライン予約");

        foreach (var path in new[] { "/facilitate", $"/facilitate/ideas/{ideaId}", "/admin", "/admin/partners", "/admin/categories" })
        {
            await AssertForbiddenAsync(site.Resident, path);
        }

        foreach (var path in new[] { "/admin", "/admin/partners", "/admin/categories" })
        {
            await AssertForbiddenAsync(site.Facilitator, path);
        }

        foreach (var path in new[] { "/facilitate", $"/facilitate/ideas/{ideaId}" })
        {
            using var allowed = await site.Facilitator.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        foreach (var path in new[] { "/facilitate", "/admin", "/admin/partners", "/admin/categories" })
        {
            using var allowed = await site.Admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_idea_has_the_404_page_for_its_staff_panel()
    {
        await using var site = await StaffSite.StartAsync();

        using var response = await site.Facilitator.GetAsync("/facilitate/ideas/no-such-idea");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertForbiddenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}
