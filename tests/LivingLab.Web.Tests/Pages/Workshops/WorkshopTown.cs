using System.Net;
using System.Net.Http.Json;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Workshops;

/// <summary>
/// Workshops built once through the API (one with a single seat, one finding its date with a poll that people have
/// answered), then served by a real Kestrel server on the same store, with one headless Chromium for the tests.
/// </summary>
public sealed class WorkshopTown : BrowserTown
{
    /// <summary>A workshop with one seat and nobody registered, for the registration journey.</summary>
    public string OneSeat { get; private set; } = "";

    /// <summary>A workshop with an open date and a poll of two slots, answered by two people.</summary>
    public string WithPoll { get; private set; } = "";

    /// <summary>A resident with no role, who signs in through the login page.</summary>
    public string ResidentEmail { get; private set; } = "";

    /// <summary>A facilitator, who sees who answered the poll and the buttons to fix a date.</summary>
    public string FacilitatorEmail { get; private set; } = "";

    protected override async Task BuildAsync(Lab lab)
    {
        OneSeat = await lab.NewWorkshop(capacity: 1);
        WithPoll = await lab.NewWorkshop(openDate: true);
        var slots = await lab.OpenPoll(WithPoll);
        await Answer(lab.Resident, slots, "yes", "maybe", "午前なら参加できます");
        await Answer(lab.Partner, slots, "maybe", "no", "");
        for (var i = 0; i < 3; i++)
        {
            await lab.NewWorkshop();
        }

        await lab.NewResident("ブラウザ 花子");
        ResidentEmail = lab.Emails[^1];
        var (_, facilitatorId) = await lab.NewResident("進行役 はるか");
        FacilitatorEmail = lab.Emails[^1];
        using var granted = await lab.Admin.PostAsJsonAsync($"/api/admin/users/{facilitatorId}/roles", new { roles = new[] { "facilitator" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    private async Task Answer(HttpClient person, string[] slots, string first, string second, string comment)
    {
        using var response = await person.PostAsJsonAsync($"/api/workshops/{WithPoll}/poll/answers", new
        {
            marks = new Dictionary<string, string> { [slots[0]] = first, [slots[1]] = second },
            comment,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
