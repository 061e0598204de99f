using System.Net;
using System.Net.Http.Json;
using System.Text;
using LivingLab.People;
using LivingLab.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Account;

public sealed class AccountApiTests
{
    [Fact]
    public async Task Register_signs_in_then_me_answers_until_logout_after_which_me_is_401()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();

        using var registered = await AccountApi.Register(client, AccountApi.UniqueEmail(), displayName: "  酒田 花子 ");
        var account = await AccountApi.Json(registered);
        using var me = await client.GetAsync("/api/account/me");
        var meJson = await AccountApi.Json(me);
        using var logout = await client.PostAsync("/api/account/logout", null);
        using var afterLogout = await client.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("酒田 花子", account.GetProperty("displayName").GetString());
        Assert.Equal("resident", account.GetProperty("roles")[0].GetString());
        var cookie = Assert.Single(registered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("livinglab.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(account.GetProperty("id").GetString(), meJson.GetProperty("id").GetString());
        Assert.Equal(JsonValueKindNull, meJson.GetProperty("partnerId").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await AccountApi.Problem(afterLogout, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Login_sets_the_cookie_and_answers_the_account()
    {
        await using var factory = AccountApi.Factory();
        var email = AccountApi.UniqueEmail();
        using (var first = factory.CreateClient())
        {
            await AccountApi.RegisteredId(first, email);
        }

        using var client = factory.CreateClient();
        using var login = await AccountApi.Login(client, email.ToUpperInvariant());
        using var me = await client.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_in_Japanese_by_default_and_in_English_when_asked()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        await AccountApi.RegisteredId(client, email);

        using var japanese = await AccountApi.Login(client, email, "wrong password!");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
        {
            Content = JsonContent.Create(new { email, password = "wrong password!" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var english = await client.SendAsync(request);

        var ja = await AccountApi.Problem(japanese, HttpStatusCode.Unauthorized, "invalidCredentials");
        var en = await AccountApi.Problem(english, HttpStatusCode.Unauthorized, "invalidCredentials");
        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", ja.GetProperty("detail").GetString());
        Assert.Equal("The email address or password is incorrect.", en.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not-an-email", AccountApi.Password, "花子", "invalidEmail", "email")]
    [InlineData("ok@example.jp", "short", "花子", "tooShort", "password")]
    [InlineData("ok@example.jp", AccountApi.Password, "", "required", "displayName")]
    public async Task A_validation_error_is_a_400_problem_naming_the_field_and_rule(string email, string password, string displayName, string code, string field)
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();

        using var response = await AccountApi.Register(client, email, password, displayName);

        var problem = await AccountApi.Problem(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_too_short_password_says_the_limit_in_the_message()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();

        using var response = await AccountApi.Register(client, AccountApi.UniqueEmail(), "short");

        var problem = await AccountApi.Problem(response, HttpStatusCode.BadRequest, "tooShort");
        Assert.Equal("「パスワード」は10文字以上で入力してください。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Registering_a_taken_email_is_a_409_problem()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        await AccountApi.RegisteredId(client, email);

        using var again = await AccountApi.Register(client, email.ToUpperInvariant());

        var problem = await AccountApi.Problem(again, HttpStatusCode.Conflict, "emailTaken");
        Assert.Equal("email", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_403_lockedOut_and_Retry_After()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        await AccountApi.RegisteredId(client, email);
        for (var i = 0; i < 4; i++)
        {
            using var failed = await AccountApi.Login(client, email, "wrong password!");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var fifth = await AccountApi.Login(client, email, "wrong password!");
        using var right = await AccountApi.Login(client, email);

        await AccountApi.Problem(fifth, HttpStatusCode.Forbidden, "lockedOut");
        var problem = await AccountApi.Problem(right, HttpStatusCode.Forbidden, "lockedOut");
        Assert.Contains("15分後", problem.GetProperty("detail").GetString());
        Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single()) > 0);
    }

    [Fact]
    public async Task A_form_post_to_the_api_is_refused_with_415_so_cross_site_forms_cannot_sign_in()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        await AccountApi.RegisteredId(client, email);

        using var form = await client.PostAsync("/api/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = AccountApi.Password,
        }));
        using var text = await client.PostAsync("/api/account/logout", new StringContent("x", Encoding.UTF8, "text/plain"));

        await AccountApi.Problem(form, HttpStatusCode.UnsupportedMediaType, "unsupportedMediaType");
        await AccountApi.Problem(text, HttpStatusCode.UnsupportedMediaType, "unsupportedMediaType");
        Assert.False(form.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Unreadable_json_and_unknown_api_paths_answer_problems_too()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();

        using var broken = await client.PostAsync("/api/account/login", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        using var unknown = await client.GetAsync("/api/nothing-here");

        await AccountApi.Problem(broken, HttpStatusCode.BadRequest, "badRequest");
        await AccountApi.Problem(unknown, HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task Responses_never_carry_the_password_hash_or_the_email()
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var email = AccountApi.UniqueEmail();
        var bodies = new List<string>();
        using (var registered = await AccountApi.Register(client, email))
        {
            bodies.Add(await registered.Content.ReadAsStringAsync());
        }

        var id = (await AccountApi.Json(await client.GetAsync("/api/account/me"))).GetProperty("id").GetString()!;
        foreach (var path in new[] { "/api/account/me", "/api/account/tokens" })
        {
            bodies.Add(await client.GetStringAsync(path));
        }

        using (var login = await AccountApi.Login(client, email))
        {
            bodies.Add(await login.Content.ReadAsStringAsync());
        }

        using (var token = await client.PostAsJsonAsync("/api/account/tokens", new { name = "x" }))
        {
            bodies.Add(await token.Content.ReadAsStringAsync());
        }

        var stored = await factory.Services.GetRequiredService<IStateStore>()
            .ReadAsync(new StateId(typeof(IPersonGrain).FullName!, id, "person"));
        var hash = System.Text.Json.JsonDocument.Parse(stored!.Payload).RootElement.GetProperty("passwordHash").GetString()!;
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain(hash, body);
            Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(AccountApi.Password, body);
        });
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
