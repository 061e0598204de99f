using System.Net;
using System.Net.Http.Json;
using LivingLab.People;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Staff;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;

namespace LivingLab.Web.Tests.Pages.Workshops.Live;

/// <summary>
/// The live board in a real browser: the facilitator opens the session and a round, a resident with a seat joins, posts
/// and places a dot by keyboard, a guest joins by the room code and dots, the facilitator moves a note by its menu, and both see the result; axe on every view.
/// </summary>
public sealed class LiveBoardBrowserTests
{
    [Fact]
    public async Task A_session_with_a_round_runs_live_between_the_facilitator_and_a_resident_by_keyboard()
    {
        await using var site = await StaffSite.StartAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(1);
        using var created = await site.Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "港の朝市を考える", description = "朝市の困りごと", stage = "discovery", place = "みなと公民館", capacity = 30,
            guestsAllowed = true, startsAt = starts, endsAt = starts.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AccountApi.Json(created)).GetProperty("id").GetString()!;
        Caller.Set(site.ResidentId, [Roles.Resident]);
        Assert.True((await site.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkshopGrain>(id).RegisterAsync()).Succeeded);
        Caller.Clear();

        var staff = await site.FacilitatorPageAsync();
        await staff.GotoAsync($"/workshops/{id}/live");
        await staff.Locator("[data-testid=live-board][data-interactive=true]").WaitForAsync();
        await staff.GetByTestId("session-open").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("room-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{6}$"));

        var resident = await site.PageAsync(StaffSite.ResidentEmail);
        await resident.GotoAsync($"/workshops/{id}/live");
        await resident.Locator("[data-testid=live-board][data-interactive=true]").WaitForAsync();
        await resident.GetByTestId("join-board").ClickAsync();
        await resident.GetByTestId("post-form").WaitForAsync();
        await resident.Locator("#board-note-text").FillAsync("朝市の駐車場が足りない");
        await resident.GetByTestId("post-submit").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("board-status")).ToHaveTextAsync("付箋を貼りました。");
        await Assertions.Expect(staff.GetByTestId("note-text")).ToHaveTextAsync("朝市の駐車場が足りない");

        await staff.GetByTestId("round-open").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("dots-left")).ToHaveTextAsync("残り 3 枚");
        // Keyboard only: focus the dot button and press Enter.
        await resident.GetByTestId("dot-place").FocusAsync();
        await resident.Keyboard.PressAsync("Enter");
        await Assertions.Expect(resident.GetByTestId("dots-left")).ToHaveTextAsync("残り 2 枚");

        // The facilitator moves the note by its menu, with the keyboard.
        await staff.GetByTestId("note-menu").Locator("button").First.FocusAsync();
        await staff.Keyboard.PressAsync("Enter");
        var moveItem = staff.Locator("[data-testid^=move-to-]").First;
        await moveItem.WaitForAsync();
        await moveItem.FocusAsync();
        await staff.Keyboard.PressAsync("Enter");
        await Assertions.Expect(resident.Locator("[data-testid=board-column]").Nth(1).GetByTestId("note-text")).ToHaveTextAsync("朝市の駐車場が足りない");

        await StaffSite.ScreenshotAsync(staff, "live-board-staff");
        await StaffSite.AssertAccessibleAsync(staff);
        await StaffSite.AssertAccessibleAsync(resident);
        await StaffSite.ScreenshotAsync(resident, "live-board-resident");

        // A guest in the room joins by the room code (a fresh browser with no sign-in) and places a dot too.
        var code = (await staff.GetByTestId("room-code").TextContentAsync())!.Trim();
        var guest = await site.PageAsync(StaffSite.ResidentEmail);
        await guest.Context.ClearCookiesAsync();
        await guest.GotoAsync("/join");
        await guest.GetByTestId("join-code").FillAsync(code.ToLowerInvariant());
        await guest.GetByTestId("join-find").ClickAsync();
        await guest.GetByTestId("join-nickname").FillAsync("島のさくら");
        await guest.GetByTestId("join-submit").ClickAsync();
        await guest.Locator("[data-testid=live-board][data-interactive=true]").WaitForAsync();
        await Assertions.Expect(guest.GetByTestId("dots-left")).ToHaveTextAsync("残り 3 枚");
        await guest.GetByTestId("dot-place").ClickAsync();
        await Assertions.Expect(guest.GetByTestId("dots-left")).ToHaveTextAsync("残り 2 枚");
        await Assertions.Expect(staff.GetByTestId("guest-row")).ToContainTextAsync("島のさくら");
        await StaffSite.AssertAccessibleAsync(guest);

        await staff.GetByTestId("round-close").ClickAsync();
        await Assertions.Expect(guest.GetByTestId("note-total")).ToHaveTextAsync("シール 2");
        await Assertions.Expect(resident.GetByTestId("result-row")).ToContainTextAsync("朝市の駐車場が足りない");
        await Assertions.Expect(resident.GetByTestId("note-total")).ToHaveTextAsync("シール 2");

        var screen = await site.FacilitatorPageAsync();
        await screen.GotoAsync($"/workshops/{id}/screen");
        await screen.GetByTestId("screen-qr").Locator("svg").WaitForAsync();
        await StaffSite.AssertAccessibleAsync(screen);
        await StaffSite.ScreenshotAsync(screen, "live-board-screen");

        foreach (var (culture, width) in new[] { ("en", 1280), ("ja", 360), ("en", 360) })
        {
            var page = await site.FacilitatorPageAsync(culture, width);
            await page.GotoAsync($"/workshops/{id}/live");
            await page.Locator("[data-testid=live-board][data-interactive=true]").WaitForAsync();
            await StaffSite.AssertAccessibleAsync(page);
            await page.GotoAsync($"/workshops/{id}/screen");
            await page.GetByTestId("board-screen").WaitForAsync();
            await StaffSite.AssertAccessibleAsync(page);
        }
    }
}
