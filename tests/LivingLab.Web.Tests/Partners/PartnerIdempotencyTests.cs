using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Partners;

public sealed class PartnerIdempotencyTests
{
    [Fact]
    public async Task Twenty_parallel_creates_with_one_idempotency_key_make_one_partner_and_all_answer_with_it()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partners") { Content = JsonContent.Create(PartnerApi.Body()) };
            request.Headers.Add("Idempotency-Key", "form-7f3a");
            using var response = await admin.SendAsync(request);
            return (response.StatusCode, Id: (await AccountApi.Json(response)).GetProperty("id").GetString());
        }));
        using var list = await admin.GetAsync("/api/partners");

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(responses.Select(r => r.Id).Distinct());
        Assert.Equal(1, (await AccountApi.Json(list)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Different_idempotency_keys_make_different_partners()
    {
        await using var factory = PartnerApi.WithAdmin();
        using var admin = await factory.SignedInAdmin();

        foreach (var key in new[] { "first", "second" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partners") { Content = JsonContent.Create(PartnerApi.Body()) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var list = await admin.GetAsync("/api/partners");
        Assert.Equal(2, (await AccountApi.Json(list)).GetProperty("total").GetInt32());
    }
}
