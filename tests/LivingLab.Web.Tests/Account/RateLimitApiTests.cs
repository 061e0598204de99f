using System.Net;

namespace LivingLab.Web.Tests.Account;

public sealed class RateLimitApiTests
{
    [Fact]
    public async Task Login_attempts_over_the_limit_get_a_429_problem_when_limits_are_on()
    {
        await using var factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Login:PermitLimit"] = "2",
            ["RateLimits:Login:WindowSeconds"] = "3600",
        });
        using var client = factory.CreateClient();

        using var first = await AccountApi.Login(client, AccountApi.UniqueEmail(), "wrong password!");
        using var second = await AccountApi.Login(client, AccountApi.UniqueEmail(), "wrong password!");
        using var third = await AccountApi.Login(client, AccountApi.UniqueEmail(), "wrong password!");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await AccountApi.Problem(third, HttpStatusCode.TooManyRequests, "rateLimited");
        Assert.True(third.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Registrations_over_the_limit_get_a_429_problem_when_limits_are_on()
    {
        await using var factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Register:PermitLimit"] = "1",
            ["RateLimits:Register:WindowSeconds"] = "3600",
        });
        using var client = factory.CreateClient();

        using var first = await AccountApi.Register(client, AccountApi.UniqueEmail());
        using var second = await AccountApi.Register(client, AccountApi.UniqueEmail());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AccountApi.Problem(second, HttpStatusCode.TooManyRequests, "rateLimited");
    }

    [Fact]
    public async Task RateLimits_Enabled_false_turns_the_limits_off()
    {
        await using var factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["RateLimits:Login:PermitLimit"] = "1",
            ["RateLimits:Login:WindowSeconds"] = "3600",
        });
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await AccountApi.Login(client, AccountApi.UniqueEmail(), "wrong password!");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
