using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>Journey 3, "moving an idea through the gates", as a facilitator does it on /facilitate and the idea's staff panel.</summary>
public sealed class GateJourneyTests
{
    [Fact]
    public async Task A_facilitator_moves_an_idea_from_discovery_to_pilot_through_the_gates()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("とびしまの買い物をLINEで注文");
        var page = await site.FacilitatorPageAsync();
        await page.GotoAsync("/facilitate");

        // Discovery → research: no gate, a rationale and evidence.
        var item = page.Locator($"#idea-{ideaId}");
        await item.GetByText("判断する", new() { Exact = true }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Radio, new() { Name = "次の段階「調査」へ進める" })).ToBeCheckedAsync();
        await item.GetByLabel("判断理由").FillAsync("島民アンケートで、買い物に不便を感じる人が7割と分かったため。");
        await item.GetByLabel("根拠資料").FillAsync("https://town.example.jp/survey/2026.pdf\nhttps://town.example.jp/minutes/12");
        await item.GetByRole(AriaRole.Button, new() { Name = "この内容で決定する" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("アイデアを次の段階に進めました。");
        var research = await site.Json($"/api/ideas/{ideaId}");
        Assert.Equal("research", research.GetProperty("stage").GetString());

        // Research → pilot is refused: every missing condition is listed next to the dialog.
        item = page.Locator($"#idea-{ideaId}");
        await Expect(item.GetByTestId("gate-summary")).ToContainTextAsync("次の段階の条件があと2つ");
        await item.GetByText("判断する", new() { Exact = true }).ClickAsync();
        await Expect(item.Locator(".gate-unmet")).ToHaveCountAsync(2);
        await item.GetByLabel("判断理由").FillAsync("実証の準備ができたと判断しました。");
        var refused = await page.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "この内容で決定する" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        var error = page.Locator($"#advance-error-{ideaId}");
        await Expect(error).ToContainTextAsync("次の段階に進む条件がまだそろっていません。");
        await Expect(error.Locator("li")).ToHaveTextAsync(
        [
            "実証に進むには、運営者（町または参加が承認されたパートナー企業）を決める必要があります。",
            "KPI（成果指標）を1つ以上登録する必要があります。",
        ]);
        await Expect(page.Locator($"#idea-{ideaId}").GetByLabel("判断理由")).ToHaveValueAsync("実証の準備ができたと判断しました。");

        // A partner company applies and is accepted on the queue; the notice leads on to naming the operator.
        var applicationId = await site.Apply(ideaId);
        await page.GotoAsync("/facilitate");
        var application = page.Locator($"#application-{applicationId}");
        await Expect(application).ToContainTextAsync("電動モビリティで島内配送を3か月実証します。");
        await Expect(application.Locator("strong")).ToHaveTextAsync("3か月");
        await application.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("応募を承認しました。");
        await page.GetByRole(AriaRole.Link, new() { Name = "続けて運営者を決める" }).ClickAsync();
        await page.Locator($"#operator-{ideaId}").GetByRole(AriaRole.Button, new() { Name = "とびしまモビリティ株式会社を運営者にする" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("運営者を決めました。");

        // A KPI on the idea's staff panel, then the pilot gate opens.
        await page.GotoAsync($"/facilitate/ideas/{ideaId}");
        await Expect(page.GetByTestId("kpi-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("kpi-add").ClickAsync();
        var kpiDialog = page.GetByRole(AriaRole.Dialog);
        await kpiDialog.Locator("#kpi-name").FillAsync("注文件数");
        await kpiDialog.Locator("#kpi-unit").FillAsync("件/月");
        await kpiDialog.Locator("#kpi-baseline").FillAsync("0");
        await kpiDialog.Locator("#kpi-target").FillAsync("120");
        await kpiDialog.GetByRole(AriaRole.Button, new() { Name = "KPIを追加する" }).ClickAsync();
        await Expect(kpiDialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("kpi-status")).ToContainTextAsync("KPIを追加しました。");
        await Expect(page.GetByTestId("kpi-table")).ToContainTextAsync("注文件数");

        // The decision is in the same island: the KPI opened the gate's checklist in place, and the move is a dialog.
        var decision = page.GetByTestId("decision-island");
        await Expect(decision.Locator(".gate-unmet")).ToHaveCountAsync(0);
        await Expect(decision.Locator(".gate-met")).ToHaveCountAsync(3);
        await decision.GetByRole(AriaRole.Button, new() { Name = "次の段階「実証」へ進める…" }).ClickAsync();
        var move = page.GetByRole(AriaRole.Dialog);
        await move.GetByLabel("判断理由").FillAsync("運営者とKPIが決まり、島民への説明会も終えたため実証に進みます。");
        await move.GetByRole(AriaRole.Button, new() { Name = "この内容で移動する" }).ClickAsync();

        await Expect(move).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("decision-status")).ToContainTextAsync("アイデアを次の段階に進めました。");
        await Expect(page.GetByTestId("decision-stage")).ToContainTextAsync("実証");
        await Expect(page.GetByTestId("stage")).ToContainTextAsync("実証");
        var pilot = await site.Json($"/api/ideas/{ideaId}");
        Assert.Equal("pilot", pilot.GetProperty("stage").GetString());
        Assert.Equal(("partner", site.PartnerId), (pilot.GetProperty("operator").GetProperty("kind").GetString(), pilot.GetProperty("operator").GetProperty("partner").GetProperty("id").GetString()));
        var timeline = await site.Json($"/api/ideas/{ideaId}/timeline");
        Assert.Contains("https://town.example.jp/minutes/12", timeline.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_advance_dialog_works_by_keyboard_alone_with_a_visible_focus()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("フェリーのオンライン予約");
        var page = await site.FacilitatorPageAsync();
        await page.GotoAsync("/facilitate");
        var item = page.Locator($"#idea-{ideaId}");

        await item.GetByRole(AriaRole.Link, new() { Name = "KPI・運営者・応募を管理" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("advance-summary", await ActiveAsync(page, "document.activeElement.dataset.testid"));
        Assert.Equal("solid", await ActiveAsync(page, "getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator("details")).ToHaveAttributeAsync("open", "");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("move:research", await ActiveAsync(page, "document.activeElement.value"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("close:onHold", await ActiveAsync(page, "document.querySelector('input[name=\"Advance.Choice\"]:checked').value"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("move:research", await ActiveAsync(page, "document.querySelector('input[name=\"Advance.Choice\"]:checked').value"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("フェリー会社と予約システムの費用を調べるため。");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("https://town.example.jp/ferry/estimate.pdf");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await ActiveAsync(page, "document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("アイデアを次の段階に進めました。");
        Assert.Equal("research", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Without_JavaScript_an_idea_put_on_hold_shows_its_reason_and_is_reopened_from_the_plain_decision_form()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("AI議事録の試行", "会議の録音から議事録の下書きを自動でつくる。");
        var page = await site.FacilitatorPageAsync(culture: "en", javaScript: false);
        await page.GotoAsync($"/facilitate/ideas/{ideaId}");
        Assert.Equal(0, await page.GetByTestId("decision-island").CountAsync());

        var dialog = page.Locator($"#advance-{ideaId}");
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Put on hold" }).CheckAsync();
        await dialog.GetByLabel("Rationale").FillAsync("来年度の予算が決まるまで保留します。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("The idea was put on hold.");
        Assert.Equal("onHold", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("status").GetString());

        dialog = page.Locator($"#advance-{ideaId}");
        await Expect(dialog).ToContainTextAsync("来年度の予算が決まるまで保留します。");
        await Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "Reopen in discovery" })).ToBeCheckedAsync();
        await dialog.GetByLabel("Rationale").FillAsync("予算がついたので再開します。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("The idea was reopened.");
        var reopened = await site.Json($"/api/ideas/{ideaId}");
        Assert.Equal(("open", "discovery"), (reopened.GetProperty("status").GetString(), reopened.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task A_facilitator_rewords_an_idea_with_a_live_preview_an_empty_title_is_refused_and_the_history_shows_the_rewording()
    {
        await using var site = await StaffSite.StartAsync();
        var ideaId = await site.NewIdea("買い物が不便", "島の商店への注文をLINEで受け、電動モビリティで配達する。");
        var page = await site.FacilitatorPageAsync(culture: "en");
        await page.GotoAsync($"/facilitate/ideas/{ideaId}");
        await Expect(page.GetByTestId("reword-island")).ToHaveAttributeAsync("data-interactive", "true");

        await page.GetByText("Reword the title and description").ClickAsync();
        await page.Locator("#reword-title").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rewording" }).ClickAsync();
        await Expect(page.Locator("#reword-error")).ToContainTextAsync("Title");
        await Expect(page.Locator("#reword-title")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("買い物が不便", (await site.Json($"/api/ideas/{ideaId}")).GetProperty("title").GetString());

        // The preview follows the typing; there is no preview button once the circuit is up.
        await page.Locator("#reword-title").FillAsync("とびしまの買い物をLINEで注文・配達");
        await page.Locator("#reword-summary").FillAsync("島の商店への注文を**LINE**で受け、電動モビリティで配達します。");
        await Expect(page.GetByTestId("reword-preview").Locator("strong")).ToHaveTextAsync("LINE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rewording" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("The idea's title and description were reworded.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("とびしまの買い物をLINEで注文・配達");
        var idea = await site.Json($"/api/ideas/{ideaId}");
        Assert.Equal("とびしまの買い物をLINEで注文・配達", idea.GetProperty("title").GetString());
        await page.GotoAsync($"/ideas/{ideaId}");
        await Expect(page.Locator("#history")).ToContainTextAsync("reworded", new() { IgnoreCase = true });
    }

    // The panel's plain forms, as a phone without script posts them: with script the island replaces them once the circuit
    // is up, so a test typing into them would race it.
    [Fact]
    public async Task A_bad_evidence_link_is_refused_with_its_line_number_and_a_measurement_is_recorded_on_the_panel()
    {
        await using var site = await StaffSite.StartAsync();
        var town = await TownData.SeedAsync(site);
        var page = await site.FacilitatorPageAsync(javaScript: false);
        await page.GotoAsync($"/facilitate/ideas/{town.Pilot}");

        var dialog = page.Locator($"#advance-{town.Pilot}");
        await dialog.GetByLabel("判断理由").FillAsync("結果を見て企画に進みます。");
        await dialog.GetByLabel("根拠資料").FillAsync("https://town.example.jp/report.pdf\njavascript:alert(1)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "この内容で決定する" }).ClickAsync();
        await Expect(page.Locator($"#advance-error-{town.Pilot}")).ToContainTextAsync("（2行目）");
        Assert.Equal("pilot", (await site.Json($"/api/ideas/{town.Pilot}")).GetProperty("stage").GetString());

        await page.Locator("#measure-value").FillAsync("１２");
        await page.Locator("#measure-date").FillAsync("2026-05-01");
        await page.Locator("#measure-note").FillAsync("4月分");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();

        await Expect(page.GetByTestId("staff-notice")).ToContainTextAsync("測定値を記録しました。");
        await Expect(page.GetByTestId("kpi-table")).ToContainTextAsync("2026年5月1日");
        var kpi = (await site.Json($"/api/ideas/{town.Pilot}")).GetProperty("kpis")[0];
        Assert.Equal((12m, "2026-05-01"), (kpi.GetProperty("measurements")[0].GetProperty("value").GetDecimal(), kpi.GetProperty("measurements")[0].GetProperty("date").GetString()));
    }

    private static Task<string> ActiveAsync(IPage page, string expression) => page.EvaluateAsync<string>(expression);
}
