using System.Net;
using System.Net.Http.Json;
using LivingLab.People;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Challenges;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>
/// The workshop pages' test town: a facilitator who creates workshops and date polls through the API, and cookie
/// clients that do not follow redirects, so a test sees each post/redirect/get.
/// </summary>
internal sealed class WorkshopPagesHost : IAsyncDisposable
{
    private WorkshopPagesHost(ChallengePagesHost host, HttpClient facilitator, string facilitatorId)
    {
        Host = host;
        Facilitator = facilitator;
        FacilitatorId = facilitatorId;
    }

    public ChallengePagesHost Host { get; }

    public HttpClient Facilitator { get; }

    public string FacilitatorId { get; }

    public static async Task<WorkshopPagesHost> StartAsync()
    {
        var host = new ChallengePagesHost();
        var (facilitator, id) = await host.Person("進行役 さとう", Roles.Facilitator);
        return new WorkshopPagesHost(host, facilitator, id);
    }

    /// <summary>A workshop through the API (a fixed date in <paramref name="days"/> days, or an open one); returns its id.</summary>
    public async Task<string> Workshop(
        string title = "飛島の買い物を考えるワークショップ", string stage = "discovery", int capacity = 20, bool openDate = false, double days = 30,
        string description = "島の**買い物**の困りごとを出し合います。", string? onlineUrl = null, string[]? challengeIds = null, string[]? ideaIds = null)
    {
        var starts = Host.Clock.GetUtcNow().AddDays(days);
        using var response = await Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title,
            description,
            stage,
            challengeIds,
            ideaIds,
            place = "飛島総合センター",
            onlineUrl,
            capacity,
            startsAt = openDate ? (DateTimeOffset?)null : starts,
            endsAt = openDate ? (DateTimeOffset?)null : starts.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Opens a date poll of two slots (10:00 and 19:00 Japan time on the same day, 20 days on); returns the slot ids.</summary>
    public async Task<string[]> Poll(string workshopId)
    {
        var day = new DateTimeOffset(Host.Clock.GetUtcNow().AddDays(20).Date, TimeSpan.Zero).AddHours(1);
        using var response = await Facilitator.PostAsJsonAsync($"/api/workshops/{workshopId}/poll", new
        {
            slots = new[] { new { startsAt = day, endsAt = day.AddHours(2) }, new { startsAt = day.AddHours(9), endsAt = day.AddHours(11) } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await AccountApi.Json(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    /// <summary>Calls the workshop off as the facilitator (the API has no cancel yet: the staff pages do it through the grain).</summary>
    public async Task Cancel(string workshopId, string reason)
    {
        Caller.Set(FacilitatorId, [Roles.Facilitator]);
        try
        {
            var result = await Host.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkshopGrain>(workshopId).CancelAsync(reason);
            Assert.True(result.Succeeded, result.Rejection?.Code);
        }
        finally
        {
            Caller.Clear();
        }
    }

    /// <summary>Lets the read models take in every event so far (the list follows the log a moment behind).</summary>
    public Task CatchUpAsync() => Host.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
