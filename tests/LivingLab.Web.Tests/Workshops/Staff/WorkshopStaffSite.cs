using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Challenges;
using LivingLab.Web.Tests.Pages.Staff;

namespace LivingLab.Web.Tests.Workshops.Staff;

/// <summary>One real server for the workshop staff page tests (each test makes its own workshops), and the forms' fields.</summary>
public sealed class WorkshopStaffSite : IAsyncLifetime
{
    internal StaffSite Site { get; private set; } = null!;

    /// <summary>A day a month ahead, as the date field takes it (Japan time).</summary>
    public static string Day { get; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync() => Site = await StaffSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();

    /// <summary>The workshop form's fields for a fixed date, 14:00–16:00 Japan time on <see cref="Day"/>.</summary>
    public static Dictionary<string, string?> Fields(string title = "飛島の買い物を考える会") => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "島の**買い物**の困りごとを出し合います。",
        ["Input.Stage"] = "research",
        ["Input.Place"] = "飛島総合センター",
        ["Input.OnlineUrl"] = "",
        ["Input.Capacity"] = "12",
        ["Input.GuestsAllowed"] = "true",
        ["Input.When"] = "fixed",
        ["Input.Date"] = Day,
        ["Input.StartTime"] = "14:00",
        ["Input.EndTime"] = "16:00",
    };

    /// <summary>A new client signed in as the facilitator that asked for <paramref name="culture"/> (its own cookies).</summary>
    internal async Task<HttpClient> FacilitatorIn(string culture)
    {
        var client = Site.NewClient();
        using (var login = await AccountApi.Login(client, StaffSite.FacilitatorEmail))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using (await client.GetAsync($"/?culture={culture}"))
        {
        }

        return client;
    }

    /// <summary>Creates a workshop through the plain form as the facilitator; returns its id.</summary>
    internal async Task<string> CreateThroughForm(Dictionary<string, string?>? fields = null)
    {
        using var posted = await PageForms.Submit(Site.Facilitator, "/workshops/new", "workshop-form", fields ?? Fields());
        return IdFrom(posted);
    }

    /// <summary>The workshop id of a redirect to its page.</summary>
    internal static string IdFrom(HttpResponseMessage posted)
    {
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)posted.StatusCode}");
        var location = Where(posted);
        Assert.Matches("^/workshops/[0-9a-f]{16}$", location);
        return location["/workshops/".Length..];
    }

    /// <summary>The path and query a redirect points at (the server answers with an absolute address).</summary>
    internal static string Where(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Registers a new resident for the workshop through the API.</summary>
    internal async Task<string> Register(string workshopId, string displayName)
    {
        var (client, id) = await Site.NewPerson(AccountApi.UniqueEmail(), displayName);
        using var response = await client.PostAsync($"/api/workshops/{workshopId}/registration", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    /// <summary>Opens a poll through the API (two slots) and has the resident answer it.</summary>
    internal async Task AnsweredPoll(string workshopId)
    {
        var day = DateTimeOffset.UtcNow.AddDays(20);
        using var opened = await Site.Facilitator.PostAsJsonAsync($"/api/workshops/{workshopId}/poll", new
        {
            slots = new[] { new { startsAt = day, endsAt = day.AddHours(2) }, new { startsAt = day.AddDays(1), endsAt = day.AddDays(1).AddHours(2) } },
        });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var slot = (await AccountApi.Json(opened)).GetProperty("slots")[0].GetProperty("id").GetString()!;
        using var answered = await Site.Resident.PostAsJsonAsync($"/api/workshops/{workshopId}/poll/answers", new { marks = new Dictionary<string, string> { [slot] = "yes" } });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
