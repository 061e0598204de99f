using System.Net;
using System.Net.Http.Json;

namespace LivingLab.Web.Tests.Account;

public sealed class TokenApiTests
{
    [Fact]
    public async Task A_bearer_token_authenticates_me_until_it_is_revoked()
    {
        await using var factory = AccountApi.Factory();
        using var owner = factory.CreateClient();
        var id = await AccountApi.RegisteredId(owner);

        using var created = await owner.PostAsJsonAsync("/api/account/tokens", new { name = "会計システム" });
        var token = await AccountApi.Json(created);
        using var bearer = factory.Bearer(token.GetProperty("token").GetString()!);
        var me = await AccountApi.Json(await bearer.GetAsync("/api/account/me"));
        using var revoked = await owner.DeleteAsync($"/api/account/tokens/{token.GetProperty("id").GetString()}");
        using var afterRevocation = await bearer.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("llpat_", token.GetProperty("token").GetString());
        Assert.Equal(id, me.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AccountApi.Problem(afterRevocation, HttpStatusCode.Unauthorized, "invalidToken");
        Assert.Equal("Bearer", afterRevocation.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_token_list_shows_names_and_use_but_never_the_secret()
    {
        await using var factory = AccountApi.Factory();
        using var owner = factory.CreateClient();
        await AccountApi.RegisteredId(owner);
        var created = await AccountApi.Json(await owner.PostAsJsonAsync("/api/account/tokens", new { name = "partner sync" }));
        var secret = created.GetProperty("token").GetString()!;
        using (var bearer = factory.Bearer(secret))
        {
            await bearer.GetAsync("/api/account/me");
        }

        var listText = await owner.GetStringAsync("/api/account/tokens");
        var list = System.Text.Json.JsonDocument.Parse(listText).RootElement;

        Assert.DoesNotContain(secret, listText);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("partner sync", item.GetProperty("name").GetString());
        Assert.False(item.GetProperty("revoked").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, item.GetProperty("lastUsed").ValueKind);
    }

    [Fact]
    public async Task An_unknown_token_is_401_and_anonymous_token_calls_are_401()
    {
        await using var factory = AccountApi.Factory();
        using var stranger = factory.Bearer("llpat_not-a-real-token");
        using var anonymous = factory.CreateClient();

        await AccountApi.Problem(await stranger.GetAsync("/api/account/me"), HttpStatusCode.Unauthorized, "invalidToken");
        await AccountApi.Problem(await anonymous.PostAsJsonAsync("/api/account/tokens", new { name = "x" }), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Revoking_someone_elses_token_is_404_for_the_caller()
    {
        await using var factory = AccountApi.Factory();
        using var owner = factory.CreateClient();
        using var other = factory.CreateClient();
        await AccountApi.RegisteredId(owner);
        await AccountApi.RegisteredId(other);
        var created = await AccountApi.Json(await owner.PostAsJsonAsync("/api/account/tokens", new { name = "mine" }));

        using var response = await other.DeleteAsync($"/api/account/tokens/{created.GetProperty("id").GetString()}");

        await AccountApi.Problem(response, HttpStatusCode.NotFound, "notFound");
        using var bearer = factory.Bearer(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/account/me")).StatusCode);
    }
}
