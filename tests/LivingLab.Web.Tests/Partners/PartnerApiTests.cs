using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Partners;

public sealed class PartnerApiTests
{
    [Fact]
    public async Task An_admin_creates_a_partner_and_anyone_lists_it_without_the_contact()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        using var anonymous = factory.CreateClient();

        using var created = await admin.PostAsJsonAsync("/api/partners", PartnerApi.Body());
        var id = (await AccountApi.Json(created)).GetProperty("id").GetString()!;
        using var list = await anonymous.GetAsync("/api/partners");
        var page = await AccountApi.Json(list);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/partners/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("とびしまモビリティ株式会社", item.GetProperty("name").GetString());
        Assert.Equal("https://mobility.example.jp/", item.GetProperty("website").GetString());
        Assert.False(item.TryGetProperty("contact", out _));
        Assert.DoesNotContain("secret-contact", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_is_shown_to_the_admin_and_that_partners_members_only()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        var id = await PartnerApi.CreatedId(admin);
        var otherId = await PartnerApi.CreatedId(admin, PartnerApi.Body(name: "酒田フェリー", contact: "0234-00-0000"));
        using var member = await factory.Member(admin, id);
        using var otherMember = await factory.Member(admin, otherId);
        using var resident = factory.CreateClient();
        await AccountApi.RegisteredId(resident);
        using var anonymous = factory.CreateClient();

        foreach (var client in new[] { admin, member })
        {
            var detail = await AccountApi.Json(await client.GetAsync($"/api/partners/{id}"));
            Assert.Equal(PartnerApi.SecretContact, detail.GetProperty("contact").GetString());
        }

        foreach (var client in new[] { otherMember, resident, anonymous })
        {
            using var detail = await client.GetAsync($"/api/partners/{id}");
            using var list = await client.GetAsync("/api/partners");
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
            Assert.Equal("とびしまモビリティ株式会社", (await AccountApi.Json(detail)).GetProperty("name").GetString());
            Assert.DoesNotContain("secret-contact", await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("secret-contact", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Even the admin's list carries public fields only.
        Assert.DoesNotContain("secret-contact", await (await admin.GetAsync("/api/partners")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_updates_a_partner_and_the_list_follows()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        var id = await PartnerApi.CreatedId(admin);

        using var updated = await admin.PutAsJsonAsync($"/api/partners/{id}", PartnerApi.Body(name: "とびしまモビリティ", website: ""));
        var list = await AccountApi.Json(await factory.CreateClient().GetAsync("/api/partners"));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("とびしまモビリティ", item.GetProperty("name").GetString());
        Assert.Equal("", item.GetProperty("website").GetString());
    }

    [Fact]
    public async Task Writes_answer_401_anonymous_403_for_residents_and_partner_members_and_404_for_unknown_ids()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        var id = await PartnerApi.CreatedId(admin);
        using var member = await factory.Member(admin, id);
        using var resident = factory.CreateClient();
        await AccountApi.RegisteredId(resident);
        using var anonymous = factory.CreateClient();

        await AccountApi.Problem(await anonymous.PostAsJsonAsync("/api/partners", PartnerApi.Body()), HttpStatusCode.Unauthorized, "unauthenticated");
        await AccountApi.Problem(await anonymous.PutAsJsonAsync($"/api/partners/{id}", PartnerApi.Body()), HttpStatusCode.Unauthorized, "unauthenticated");
        await AccountApi.Problem(await resident.PostAsJsonAsync("/api/partners", PartnerApi.Body()), HttpStatusCode.Forbidden, "forbidden");
        await AccountApi.Problem(await member.PutAsJsonAsync($"/api/partners/{id}", PartnerApi.Body(name: "乗っ取り")), HttpStatusCode.Forbidden, "forbidden");
        await AccountApi.Problem(await admin.PutAsJsonAsync("/api/partners/no-such-partner", PartnerApi.Body()), HttpStatusCode.NotFound, "notFound");
        await AccountApi.Problem(await anonymous.GetAsync("/api/partners/no-such-partner"), HttpStatusCode.NotFound, "notFound");
        var list = await AccountApi.Json(await anonymous.GetAsync("/api/partners"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("", "", "", "", "required", "name")]
    [InlineData("名前", "", "javascript:alert(1)", "", "invalidUrl", "website")]
    [InlineData("名前", "", "example.jp", "", "invalidUrl", "website")]
    public async Task Invalid_fields_are_400_naming_the_field(string name, string description, string website, string contact, string code, string field)
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();

        using var response = await admin.PostAsJsonAsync("/api/partners", new { name, description, website, contact });

        var problem = await AccountApi.Problem(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Too_long_fields_are_400_naming_the_field_in_japanese_and_english()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();

        using var description = await admin.PostAsJsonAsync("/api/partners", PartnerApi.Body(description: new string('a', 5_001)));
        using var contactEn = new HttpRequestMessage(HttpMethod.Post, "/api/partners") { Content = JsonContent.Create(PartnerApi.Body(contact: new string('1', 201))) };
        contactEn.Headers.AcceptLanguage.ParseAdd("en");
        using var contact = await admin.SendAsync(contactEn);

        var ja = await AccountApi.Problem(description, HttpStatusCode.BadRequest, "tooLong");
        var en = await AccountApi.Problem(contact, HttpStatusCode.BadRequest, "tooLong");
        Assert.Equal("description", ja.GetProperty("field").GetString());
        Assert.Contains("紹介文", ja.GetProperty("detail").GetString());
        Assert.Equal("contact", en.GetProperty("field").GetString());
        Assert.Equal("Contact must be at most 200 characters.", en.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_list_pages_and_refuses_a_page_size_over_100()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await PartnerApi.CreatedId(admin, PartnerApi.Body(name: $"企業{i}")));
        }

        var second = await AccountApi.Json(await admin.GetAsync("/api/partners?page=2&pageSize=2"));
        using var tooBig = await admin.GetAsync("/api/partners?pageSize=101");

        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal([ids[2]], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray());
        var problem = await AccountApi.Problem(tooBig, HttpStatusCode.BadRequest, "outOfRange");
        Assert.Equal("pageSize", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Granting_the_partner_role_with_an_unknown_partner_is_refused_naming_partnerId()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();
        using var person = factory.CreateClient();
        var personId = await AccountApi.RegisteredId(person);

        using var response = await admin.PostAsJsonAsync($"/api/admin/users/{personId}/roles", new { roles = new[] { "partner" }, partnerId = "no-such-partner" });

        var problem = await AccountApi.Problem(response, HttpStatusCode.NotFound, "notFound");
        Assert.Equal("partnerId", problem.GetProperty("field").GetString());
        var me = await AccountApi.Json(await person.GetAsync("/api/account/me"));
        Assert.Equal(["resident"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }
}
