using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// Journey 2's triage: a facilitator accepts, merges and declines new local issues from the queue, with plain form posts
/// and no script (with script, the triage grid takes over once its circuit is up: TriageBrowserTests).
/// </summary>
public sealed class TriageJourneyTests
{
    [Fact]
    public async Task A_facilitator_accepts_a_new_challenge_into_the_pipeline_from_the_queue_without_javascript()
    {
        await using var site = await StaffSite.StartAsync();
        var challengeId = await site.NewChallenge("駅前の駐輪場が足りない");
        var page = await site.FacilitatorPageAsync(javaScript: false);

        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#triage-{challengeId}");
        await Expect(item).ToContainTextAsync("応援 0人");
        await item.GetByRole(AriaRole.Button, new() { Name = "採用する" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("課題をアイデアとして採用しました。");
        await Expect(page.Locator($"#triage-{challengeId}")).ToHaveCountAsync(0);
        var challenge = await site.Json($"/api/challenges/{challengeId}");
        Assert.Equal("accepted", challenge.GetProperty("status").GetString());
        var ideaId = challenge.GetProperty("ideaId").GetString()!;
        // The new idea now waits in discovery, and the notice leads to its staff panel.
        await Expect(page.Locator($"#idea-{ideaId}")).ToContainTextAsync("駅前の駐輪場が足りない");
        await page.GetByTestId("staff-notice").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("駅前の駐輪場が足りない");
        Assert.EndsWith($"/facilitate/ideas/{ideaId}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_a_challenge_page_staff_reach_its_triage_even_when_the_oldest_first_queue_pages_it_out()
    {
        await using var site = await StaffSite.StartAsync();
        for (var i = 0; i < 21; i++)
        {
            await site.NewChallenge($"古い課題 {i + 1}");
        }

        var newest = await site.NewChallenge("図書館の自習席が足りない", "夕方は満席です。", "children");
        var resident = await site.PageAsync(StaffSite.ResidentEmail);
        await resident.GotoAsync($"/challenges/{newest}");
        await Expect(resident.GetByTestId("triage-link")).ToHaveCountAsync(0);

        var page = await site.FacilitatorPageAsync(javaScript: false);
        await page.GotoAsync($"/challenges/{newest}");
        await page.GetByTestId("triage-link").ClickAsync();

        var item = page.Locator($"#triage-{newest}");
        await Expect(item).ToContainTextAsync("図書館の自習席が足りない");
        await Expect(page.Locator("[data-testid=triage-item]").First).ToHaveAttributeAsync("id", $"triage-{newest}");
        await item.GetByRole(AriaRole.Button, new() { Name = "採用する" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("課題をアイデアとして採用しました。");
        Assert.Equal("accepted", (await site.Json($"/api/challenges/{newest}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_challenge_can_join_an_open_idea_chosen_in_the_accept_form()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("とびしまの買い物をLINEで注文");
        var challengeId = await site.NewChallenge("島の商店で買い物がしにくい", "飛島の商店まで行けない日があります。", "elderly");
        var page = await site.FacilitatorPageAsync(javaScript: false);

        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#triage-{challengeId}");
        await item.GetByLabel("採用先").SelectOptionAsync(ideaId);
        await item.GetByRole(AriaRole.Button, new() { Name = "採用する" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("既存のアイデアにつなぎました");
        var idea = await site.Json($"/api/ideas/{ideaId}");
        Assert.Contains(challengeId, idea.GetProperty("challengeIds").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_challenge_found_by_the_merge_search()
    {
        await using var site = await StaffSite.StartAsync();
        var original = await site.NewChallenge("バス停に屋根がほしい", "市立病院前のバス停は雨の日につらい。");
        var duplicate = await site.NewChallenge("病院前のバス停の屋根", "雨にぬれながらバスを待っています。");
        await site.Support(duplicate, "supporter-1@town.example.jp");
        var page = await site.FacilitatorPageAsync(javaScript: false);

        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#triage-{duplicate}");
        await item.Locator("summary", new() { HasText = "似た課題にまとめる" }).ClickAsync();
        await item.GetByLabel("まとめ先を探す（タイトルや本文の言葉）").FillAsync("屋根");
        await item.GetByRole(AriaRole.Button, new() { Name = "探す" }).ClickAsync();

        item = page.Locator($"#triage-{duplicate}");
        var target = item.GetByRole(AriaRole.Radio, new() { Name = "バス停に屋根がほしい" });
        await Expect(target).ToBeVisibleAsync();
        // The duplicate itself is never offered as its own target.
        await Expect(item.GetByRole(AriaRole.Radio, new() { Name = "病院前のバス停の屋根" })).ToHaveCountAsync(0);
        await target.CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "この課題をまとめる" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("課題をまとめました");
        var merged = await site.Json($"/api/challenges/{duplicate}");
        Assert.Equal(("merged", original), (merged.GetProperty("status").GetString(), merged.GetProperty("mergedIntoId").GetString()));
        Assert.Equal(1, (await site.Json($"/api/challenges/{original}")).GetProperty("supportCount").GetInt32());
        await Expect(page.Locator($"#triage-{duplicate}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Merging_into_an_unknown_id_is_refused_next_to_the_merge_form()
    {
        await using var site = await StaffSite.StartAsync();
        var challengeId = await site.NewChallenge("公園の遊具が古くて危ない", "中央公園のすべり台がさびています。", "parks");
        var page = await site.FacilitatorPageAsync(javaScript: false);

        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#triage-{challengeId}");
        await item.Locator("summary", new() { HasText = "似た課題にまとめる" }).ClickAsync();
        await item.GetByLabel("または、まとめ先の課題のID").FillAsync("no-such-challenge");
        var response = await page.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "この課題をまとめる" }).ClickAsync(), r => r.Request.Method == "POST");

        // The page was found; what the form named was not: 400, with the API's message next to the form.
        Assert.Equal(400, response.Status);
        await Expect(page.Locator($"#triage-error-{challengeId}")).ToHaveTextAsync("お探しのものが見つかりませんでした。");
        await Expect(page.Locator($"#triage-{challengeId} details").First).ToHaveAttributeAsync("open", "");
        Assert.Equal("open", (await site.Json($"/api/challenges/{challengeId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_the_reason_is_published_on_the_challenge()
    {
        await using var site = await StaffSite.StartAsync();
        var challengeId = await site.NewChallenge("花火大会を毎月開いてほしい", "夏だけでなく毎月見たいです。", "tourism");
        var page = await site.FacilitatorPageAsync(culture: "en", javaScript: false);

        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#triage-{challengeId}");
        await item.Locator("summary", new() { HasText = "Decline" }).ClickAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "Decline with this reason" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        item = page.Locator($"#triage-{challengeId}");
        await Expect(page.Locator($"#triage-error-{challengeId}")).ToHaveTextAsync("Reason is required.");
        await Expect(item.GetByLabel("Reason for declining")).ToHaveAttributeAsync("aria-invalid", "true");
        await item.GetByLabel("Reason for declining").FillAsync("花火は年1回の予算で続けます。代わりに夏祭りの案をお待ちしています。");
        await item.GetByRole(AriaRole.Button, new() { Name = "Decline with this reason" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("The issue was declined");
        var declined = await site.Json($"/api/challenges/{challengeId}");
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("花火は年1回の予算で続けます。代わりに夏祭りの案をお待ちしています。", declined.GetProperty("declineReason").GetString());
    }

    [Fact]
    public async Task A_second_submit_of_an_accept_is_answered_next_to_the_challenge_rather_than_with_an_error_page()
    {
        await using var site = await StaffSite.StartAsync();
        var challengeId = await site.NewChallenge("駅前の駐輪場が足りない");
        var page = await site.FacilitatorPageAsync(javaScript: false);
        await page.GotoAsync("/facilitate");
        // Someone else accepts it while this page is open.
        using (var accepted = await site.Facilitator.PostAsync($"/api/challenges/{challengeId}/accept", null))
        {
            Assert.True(accepted.IsSuccessStatusCode);
        }

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator($"#triage-{challengeId}").GetByRole(AriaRole.Button, new() { Name = "採用する" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(409, response.Status);
        await Expect(page.Locator($"#triage-error-{challengeId}")).ToContainTextAsync("この課題は受付を終えています");
    }
}
