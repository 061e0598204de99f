using System.Net;
using System.Net.Http.Json;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Staff;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>
/// After the workshop in a real browser: the record island's preview following the typing, and axe (no serious or
/// critical) in Japanese and English at 1280 and 360 px on the workshop page with minutes, feedback and outcomes, and on
/// the record page with its feedback results.
/// </summary>
public sealed class AfterBrowserTests
{
    [Fact]
    public async Task The_record_preview_follows_the_typing_and_the_workshop_and_record_pages_pass_axe_in_both_languages_and_widths()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await WorkshopUnderWayAsync(site);

        var staff = await site.FacilitatorPageAsync("ja");
        await staff.GotoAsync($"/workshops/{id}/record");
        await Expect(staff.GetByTestId("record-island")).ToHaveAttributeAsync("data-interactive", "true");
        await staff.Locator("#record-minutes").FocusAsync();
        await staff.Keyboard.PressAsync("Control+A");
        await staff.Keyboard.TypeAsync("## 決まったこと\n\n- 移動販売車を**試す** <b>太字ではない</b>");
        var preview = staff.GetByTestId("record-preview");
        await Expect(preview.Locator("h2")).ToHaveTextAsync("決まったこと");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("試す");
        Assert.Equal(0, await preview.Locator("b").CountAsync());
        await staff.GetByTestId("record-submit").ClickAsync();
        await Expect(staff.GetByTestId("record-notice")).ToBeVisibleAsync();
        await StaffSite.ScreenshotAsync(staff, "workshop-record-ja-1280");

        foreach (var culture in new[] { "ja", "en" })
        {
            foreach (var width in new[] { 1280, 360 })
            {
                var resident = await site.PageAsync(StaffSite.ResidentEmail, culture: culture, width: width);
                await resident.GotoAsync($"/workshops/{id}");
                await Expect(resident.GetByTestId("workshop-minutes").Locator("h2")).ToHaveTextAsync("決まったこと");
                await Expect(resident.GetByTestId("feedback-form")).ToBeVisibleAsync();
                await Expect(resident.GetByTestId("outcomes-created").GetByTestId("outcome")).ToHaveCountAsync(1);
                await StaffSite.AssertAccessibleAsync(resident);
                if (width == 1280)
                {
                    await StaffSite.ScreenshotAsync(resident, $"workshop-after-{culture}-{width}");
                }

                var record = await site.FacilitatorPageAsync(culture, width);
                await record.GotoAsync($"/workshops/{id}/record");
                await Expect(record.GetByTestId("feedback-distribution")).ToBeVisibleAsync();
                await StaffSite.AssertAccessibleAsync(record);
            }
        }
    }

    // A workshop that began an hour ago, with the resident seated and answered, and an idea its board created.
    private static async Task<string> WorkshopUnderWayAsync(StaffSite site)
    {
        var starts = DateTimeOffset.UtcNow.AddHours(-1);
        using var created = await site.Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "飛島の買い物を考えるワークショップ", description = "島の買い物の困りごとを出し合います。", stage = "discovery",
            place = "飛島総合センター", capacity = 20, startsAt = starts, endsAt = starts.AddHours(3),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AccountApi.Json(created)).GetProperty("id").GetString()!;
        using (var seat = await site.Resident.PostAsync($"/api/workshops/{id}/registration", null))
        {
            Assert.True(seat.IsSuccessStatusCode, $"{(int)seat.StatusCode}");
        }

        using (var answer = await site.Resident.PostAsJsonAsync($"/api/workshops/{id}/feedback", new { rating = 4, comment = "話しやすかった" }))
        {
            Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}");
        }

        Caller.Set(site.FacilitatorId, [Roles.Facilitator]);
        try
        {
            var idea = await site.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdeaGrain>(LivingLab.Common.Ids.New()).CreateFromWorkshopAsync(
                new IdeaInput("移動販売車を島に", "週2回、島を回る。", "elderly"),
                new WorkshopContribution(id, "飛島の買い物を考えるワークショップ", "note-1", "移動販売車"));
            Assert.True(idea.Succeeded, idea.Rejection?.Code);
        }
        finally
        {
            Caller.Clear();
        }

        await site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return id;
    }
}
