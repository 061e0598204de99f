using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LivingLab.Web.Tests.Account;

/// <summary>Helpers for account API tests: a host with rate limits off unless a test asks, and JSON calls.</summary>
internal static class AccountApi
{
    public const string Password = "correct horse battery";

    public static LivingLabFactory Factory(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new LivingLabFactory(all);
    }

    public static string UniqueEmail() => $"{Guid.NewGuid():N}@example.jp";

    public static Task<HttpResponseMessage> Register(HttpClient client, string email, string password = Password, string displayName = "酒田 花子") =>
        client.PostAsJsonAsync("/api/account/register", new { email, password, displayName });

    public static Task<HttpResponseMessage> Login(HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/api/account/login", new { email, password });

    public static async Task<string> RegisteredId(HttpClient client, string? email = null)
    {
        using var response = await Register(client, email ?? UniqueEmail());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Checks the RFC 9457 shape and returns the problem.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static HttpClient Bearer(this LivingLabFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
