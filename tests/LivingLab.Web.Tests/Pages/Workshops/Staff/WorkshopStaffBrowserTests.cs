using System.Net.Http.Json;
using LivingLab.Web.Tests.Pages.Staff;
using LivingLab.Web.Tests.Workshops.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Workshops.Staff;

/// <summary>
/// A facilitator in Chromium: from the queue to a new workshop through the island (a refusal first, then the save), then
/// calling it off through the confirmation dialog; and every staff workshop page passes axe in ja and en at 1280 and 360 px.
/// </summary>
public sealed class WorkshopStaffBrowserTests
{
    // The landing page is the public pages' (another step, a 404 here): the address is what counts, not its load. An
    // upper bound for a loaded machine, never a measured time.
    private static readonly PageWaitForURLOptions Landing = new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 };

    [Fact]
    public async Task A_facilitator_creates_a_workshop_through_the_island_from_the_queue_and_calls_it_off_in_a_dialog()
    {
        await using var site = await StaffSite.StartAsync();
        var challengeId = await site.NewChallenge("港の待合所が寒い");
        var page = await site.FacilitatorPageAsync();
        var failures = Browser.BrowserSession.RecordFailures(page);
        await page.GotoAsync("/facilitate");

        await page.GetByTestId("workshops-new-link").ClickAsync();
        await Expect(page.GetByTestId("ws-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByLabel("説明（Markdown）").FillAsync("港の**待合所**について話します。");
        await Expect(page.GetByTestId("ws-preview").Locator("strong")).ToHaveTextAsync("待合所");
        await page.GetByTestId("ws-submit").ClickAsync();
        await Expect(page.Locator("#ws-title-error")).ToHaveTextAsync("「タイトル」を入力してください。");
        await Expect(page.Locator("#ws-place-error")).ToHaveTextAsync("会場かオンラインのURLのどちらかを入力してください。");

        await page.GetByLabel("タイトル（必須）").FillAsync("港の待合所を考える会");
        await Expect(page.Locator("#ws-title-error")).ToHaveCountAsync(0);
        await page.GetByLabel("対象の段階（必須）").SelectOptionAsync("research");
        await page.GetByLabel("港の待合所が寒い").CheckAsync();
        await page.GetByLabel("会場", new() { Exact = true }).FillAsync("酒田港 待合所");
        await page.GetByLabel("定員（必須）").FillAsync("15");
        await page.GetByLabel("ゲスト参加を許可する").CheckAsync();
        await page.GetByLabel("日付").FillAsync(WorkshopStaffSite.Day);
        await page.GetByLabel("開始時刻").FillAsync("13:30");
        await page.GetByLabel("終了時刻").FillAsync("15:00");
        await StaffSite.ScreenshotAsync(page, "workshop-new-island-ja");
        await page.GetByTestId("ws-submit").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/workshops/[0-9a-f]{16}$"), Landing);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var workshop = await site.Json($"/api/workshops/{id}");
        Assert.Equal(("港の待合所を考える会", "research", 15, true), (workshop.GetProperty("title").GetString(), workshop.GetProperty("stage").GetString(),
            workshop.GetProperty("capacity").GetInt32(), workshop.GetProperty("guestsAllowed").GetBoolean()));
        Assert.Equal([challengeId], workshop.GetProperty("challengeIds").EnumerateArray().Select(c => c.GetString()));

        await page.GotoAsync($"/workshops/{id}/edit");
        await Expect(page.GetByTestId("ws-cancel-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByLabel("中止の理由（必須）").FillAsync("台風の接近により、安全のため中止します。");
        await page.GetByTestId("ws-cancel-island").GetByTestId("ws-cancel-submit").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "ワークショップを中止しますか？" });
        await Expect(dialog).ToBeVisibleAsync();
        await StaffSite.AssertAccessibleAsync(page);
        await dialog.GetByTestId("ws-cancel-keep").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal("planned", (await site.Json($"/api/workshops/{id}")).GetProperty("status").GetString());

        await page.GetByTestId("ws-cancel-island").GetByTestId("ws-cancel-submit").ClickAsync();
        await dialog.GetByTestId("ws-cancel-confirm").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/workshops/{id}$"), Landing);
        var cancelled = await site.Json($"/api/workshops/{id}");
        Assert.Equal(("cancelled", "台風の接近により、安全のため中止します。"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("statusReason").GetString()));
        // The workshop page itself is the public pages' (another step): only its 404 is allowed here.
        Assert.DoesNotContain(failures, f => !f.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_typed_into_the_island_survives_a_reload_and_comes_back_into_the_live_preview()
    {
        await using var site = await StaffSite.StartAsync();
        var page = await site.FacilitatorPageAsync();
        await page.GotoAsync("/workshops/new");
        await Expect(page.GetByTestId("ws-island")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("#ws-title").FillAsync("下書きが残る会");
        await page.Locator("#ws-description").FillAsync("島の**下書き**です。");
        await page.ReloadAsync();

        await Expect(page.GetByTestId("ws-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("#ws-title")).ToHaveValueAsync("下書きが残る会");
        await Expect(page.GetByTestId("ws-preview").Locator("strong")).ToHaveTextAsync("下書き");
        Assert.Equal(0, (await site.Json("/api/workshops")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_new_edit_registrations_and_poll_pages_pass_axe_and_read_at_360_pixels(string culture)
    {
        await using var site = await StaffSite.StartAsync();
        await site.NewChallenge("港の待合所が寒い");
        await site.NewIdea("島の買い物をLINEで注文");
        var id = await NewWorkshop(site, capacity: 1);
        var openId = await NewWorkshop(site, capacity: 10, openDate: true);
        using (await site.Resident.PostAsync($"/api/workshops/{id}/registration", null))
        {
        }

        using (await site.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/registrations", new { name = "鈴木 ハル", contact = "電話 0234-00-0000" }))
        {
        }

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await site.FacilitatorPageAsync(culture, width);
            var failures = Browser.BrowserSession.RecordFailures(page);
            foreach (var (path, island) in new[]
                     {
                         ("/workshops/new", "ws-island"), ($"/workshops/{id}/edit", "ws-island"), ($"/workshops/{id}/registrations", null),
                         ($"/workshops/{id}/registrations?remove={site.ResidentId}", null), ($"/workshops/{openId}/poll/new", "ws-poll-island"),
                     })
            {
                await page.GotoAsync(path);
                if (island is not null)
                {
                    await Expect(page.GetByTestId(island)).ToHaveAttributeAsync("data-interactive", "true");
                }

                await StaffSite.ScreenshotAsync(page, $"workshop-staff-{path.Split('/', '?').Last(p => p.Length > 0 && !p.StartsWith("remove", StringComparison.Ordinal))}-{culture}-{width}");
                await StaffSite.AssertAccessibleAsync(page);
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at {width} px");
            }

            Assert.Empty(failures);
            await page.Context.CloseAsync();
        }
    }

    private static async Task<string> NewWorkshop(StaffSite site, int capacity, bool openDate = false)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(30);
        using var response = await site.Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "飛島の買い物を考えるワークショップ",
            description = "島の**買い物**の困りごとを出し合います。",
            stage = "discovery",
            place = "飛島総合センター",
            capacity,
            startsAt = openDate ? (DateTimeOffset?)null : starts,
            endsAt = openDate ? (DateTimeOffset?)null : starts.AddHours(2),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await Account.AccountApi.Json(response)).GetProperty("id").GetString()!;
    }
}
