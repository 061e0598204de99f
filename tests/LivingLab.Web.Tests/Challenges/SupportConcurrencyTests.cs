using System.Net;

namespace LivingLab.Web.Tests.Challenges;

public sealed class SupportConcurrencyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hundred_parallel_supports_from_one_account_count_once_also_after_a_restart(bool postgres)
    {
        var lab = await Lab.StartAsync(postgres);
        await using var _ = lab;
        var id = await lab.NewChallenge(lab.Facilitator);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await lab.Resident.PostAsync($"/api/challenges/{id}/support", null);
            return response.StatusCode;
        }));
        var live = await Lab.GetJson(lab.Resident, $"/api/challenges/{id}");
        await using var restarted = await lab.RestartAsync();
        using var reader = restarted.CreateClient();
        var stored = await Lab.GetJson(reader, $"/api/challenges/{id}");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(99, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, live.GetProperty("supportCount").GetInt32());
        Assert.True(live.GetProperty("supportedByMe").GetBoolean());
        Assert.Equal(1, stored.GetProperty("supportCount").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parallel_votes_from_one_account_count_once(bool postgres)
    {
        var lab = await Lab.StartAsync(postgres);
        await using var _ = lab;
        var id = await lab.NewIdea(lab.Facilitator);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await lab.Resident.PostAsync($"/api/ideas/{id}/votes", null);
            return response.StatusCode;
        }));
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, idea.GetProperty("voteCount").GetInt32());
    }
}
