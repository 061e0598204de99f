using System.Net;
using System.Net.Http.Json;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Web.Tests.Pages.Challenges;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>After the workshop, over HTTP: the record page and its draft, the feedback survey, the outcomes, the open data.</summary>
public sealed class AfterPageTests
{
    [Fact]
    public async Task The_record_page_saves_minutes_and_a_recording_and_refuses_a_javascript_link_in_japanese_and_english()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop();
        var url = $"/workshops/{id}/record";
        var (resident, _) = await town.Host.Person("飛島 太郎");
        using var refusedResident = await resident.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, refusedResident.StatusCode);

        using var bad = await PageForms.Submit(town.Facilitator, url, "record",
            new Dictionary<string, string?> { ["Record.Minutes"] = "## 決まったこと", ["Record.RecordingUrl"] = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = PageForms.Parse(await bad.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(badPage.QuerySelector("#record-recording-error")!.TextContent));
        Assert.Equal("## 決まったこと", badPage.QuerySelector("#record-minutes")!.TextContent);
        using var badEnglish = await PageForms.Submit(town.Facilitator, $"{url}?culture=en", "record",
            new Dictionary<string, string?> { ["Record.RecordingUrl"] = "javascript:alert(1)" });
        var englishError = PageForms.Parse(await badEnglish.Content.ReadAsStringAsync()).QuerySelector("#record-recording-error")!.TextContent.Trim();
        Assert.NotEqual(badPage.QuerySelector("#record-recording-error")!.TextContent.Trim(), englishError);
        Assert.Matches("[A-Za-z]", englishError);

        using var saved = await PageForms.Submit(town.Facilitator, url, "record",
            new Dictionary<string, string?> { ["Record.Minutes"] = "## 決まったこと\n\n- 移動販売を試す <script>x</script>", ["Record.RecordingUrl"] = "https://video.example.jp/ws1" });
        Assert.Equal($"{url}?done=saved", ChallengePagesHost.Redirected(saved));

        var (_, page) = await PageForms.Get(town.Host.Anonymous(), $"/workshops/{id}");
        var minutes = page.QuerySelector("[data-testid=workshop-minutes]")!;
        Assert.Equal("決まったこと", minutes.QuerySelector("h2")!.TextContent);
        Assert.Null(minutes.QuerySelector("script"));
        Assert.Equal("https://video.example.jp/ws1", page.QuerySelector("[data-testid=workshop-recording] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_draft_holds_the_boards_columns_and_a_closed_rounds_top_note_escaped_and_asks_before_replacing_minutes()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop();
        await AfterTown.BoardAsync(town, id, "電話番号は090", "バスが少ない <script>alert(1)</script>", "店が遠い [x](javascript:alert(1))", "移動販売車");
        var url = $"/workshops/{id}/record";

        var (_, drafted) = await PageForms.Get(town.Facilitator, $"{url}?draft=1");
        var draft = drafted.QuerySelector("#record-minutes")!.TextContent;
        Assert.NotNull(drafted.QuerySelector("[data-testid=draft-filled]"));
        Assert.Contains("### 困りごと", draft);
        Assert.Contains("### アイデア", draft);
        Assert.Contains("#### 交通", draft);
        Assert.Contains("1. 移動販売車 — 3票", draft);
        Assert.Contains("\\<script\\>alert\\(1\\)\\<\\/script\\>", draft);
        Assert.Contains("\\[x\\]\\(javascript\\:alert\\(1\\)\\)", draft);
        Assert.DoesNotContain("電話番号は090", draft);
        Assert.Contains("## 決まったこと", draft);
        var preview = drafted.QuerySelector("[data-testid=record-preview]")!;
        Assert.Null(preview.QuerySelector("script"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);

        using var saved = await PageForms.Submit(town.Facilitator, drafted, url, "record");
        ChallengePagesHost.Redirected(saved);
        var (_, again) = await PageForms.Get(town.Facilitator, $"{url}?draft=1");
        Assert.NotNull(again.QuerySelector("[data-testid=draft-confirm]"));
        Assert.Null(again.QuerySelector("[data-testid=draft-filled]"));
        Assert.Equal($"workshops/{id}/record?draft=confirm#record-form", again.QuerySelector("[data-testid=draft-confirm-yes]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Feedback_is_asked_only_once_the_workshop_began_of_a_seat_holder_and_staff_see_the_results_without_names()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop(days: 1);
        var (hanako, _) = await town.Host.Person("酒田 花子");
        var (taro, _) = await town.Host.Person("飛島 太郎");
        var url = $"/workshops/{id}";
        ChallengePagesHost.Redirected(await PageForms.Submit(hanako, url, "registration"));

        var (_, before) = await PageForms.Get(hanako, url);
        Assert.Null(before.QuerySelector("[data-testid=feedback-form]"));

        town.Host.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(30)));
        var (_, open) = await PageForms.Get(hanako, url);
        Assert.Equal(5, open.QuerySelectorAll("[data-testid=feedback-form] input[type=radio]").Length);
        Assert.Contains("とてもよかった", open.QuerySelector("[data-testid=feedback-form] fieldset")!.TextContent);
        var (_, notSeated) = await PageForms.Get(taro, url);
        Assert.Null(notSeated.QuerySelector("[data-testid=feedback-form]"));

        using var missing = await PageForms.Submit(hanako, open, url, "feedback");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(PageForms.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("#feedback-rating-error")!.TextContent));

        using var given = await PageForms.Submit(hanako, open, url, "feedback",
            new Dictionary<string, string?> { ["FeedbackForm.Rating"] = "2", ["FeedbackForm.Comment"] = "資料が多すぎた" });
        Assert.Equal($"/workshops/{id}?done=feedback#feedback", ChallengePagesHost.Redirected(given));
        var (_, thanked) = await PageForms.Get(hanako, $"{url}?done=feedback");
        Assert.Equal("ありがとうございました。", thanked.QuerySelector("[data-testid=feedback-thanks]")!.TextContent.Replace("✓", "").Trim());
        using var replaced = await PageForms.Submit(hanako, thanked, url, "feedback",
            new Dictionary<string, string?> { ["FeedbackForm.Rating"] = "5", ["FeedbackForm.Comment"] = "また参加したい" });
        ChallengePagesHost.Redirected(replaced);

        var (_, staff) = await PageForms.Get(town.Facilitator, $"{url}/record");
        var results = staff.QuerySelector("[data-testid=feedback-results]")!;
        Assert.Equal("回答 1件", results.QuerySelector("[data-testid=feedback-count]")!.TextContent);
        Assert.Contains("5", results.QuerySelector("[data-testid=feedback-mean]")!.TextContent);
        Assert.Equal("1", results.QuerySelectorAll("[data-testid=feedback-rating-5] td")[0].TextContent);
        Assert.Equal("0", results.QuerySelectorAll("[data-testid=feedback-rating-2] td")[0].TextContent);
        Assert.Contains("また参加したい", results.TextContent);
        Assert.DoesNotContain("資料が多すぎた", results.TextContent);
        Assert.DoesNotContain("酒田", results.TextContent);
        var (_, publicPage) = await PageForms.Get(town.Host.Anonymous(), url);
        Assert.DoesNotContain("また参加したい", publicPage.Body!.TextContent);
    }

    [Fact]
    public async Task The_workshop_page_lists_the_idea_it_created_at_its_current_stage()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop();
        var (_, empty) = await PageForms.Get(town.Host.Anonymous(), $"/workshops/{id}");
        Assert.NotNull(empty.QuerySelector("[data-testid=outcomes-created-none]"));

        var ideaId = LivingLab.Common.Ids.New();
        Caller.Set(town.FacilitatorId, [Roles.Facilitator]);
        try
        {
            var created = await town.Host.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdeaGrain>(ideaId).CreateFromWorkshopAsync(
                new IdeaInput("移動販売車を島に", "週2回、島を回る。", "elderly"),
                new WorkshopContribution(id, "飛島の買い物を考えるワークショップ", "note-1", "移動販売車"));
            Assert.True(created.Succeeded, created.Rejection?.Code);
        }
        finally
        {
            Caller.Clear();
        }

        await town.CatchUpAsync();
        var (_, page) = await PageForms.Get(town.Host.Anonymous(), $"/workshops/{id}");
        var outcome = page.QuerySelector("[data-testid=outcomes-created] [data-testid=outcome]")!;
        Assert.Equal($"ideas/{ideaId}", outcome.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("移動販売車を島に", outcome.QuerySelector("a")!.TextContent);
        Assert.Equal("課題発見", outcome.QuerySelector("[data-testid=outcome-stage]")!.TextContent);
        Assert.Equal("進行中", outcome.QuerySelector("[data-testid=outcome-status]")!.TextContent);
        var (_, english) = await PageForms.Get(town.Host.Anonymous(), $"/workshops/{id}?culture=en");
        Assert.NotEqual("課題発見", english.QuerySelector("[data-testid=outcomes-created] [data-testid=outcome-stage]")!.TextContent);
    }

    [Fact]
    public async Task The_exports_carry_public_fields_only_never_an_offline_name_a_comment_an_author_or_a_hidden_note()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop(days: 1);
        using (var offline = await town.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/registrations", new { name = "紙で申込 みどり", contact = "0234-99-1234" }))
        {
            Assert.True(offline.IsSuccessStatusCode, $"{(int)offline.StatusCode}");
        }

        var (hanako, _) = await town.Host.Person("酒田 花子");
        ChallengePagesHost.Redirected(await PageForms.Submit(hanako, $"/workshops/{id}", "registration"));
        town.Host.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(30)));
        ChallengePagesHost.Redirected(await PageForms.Submit(hanako, $"/workshops/{id}", "feedback",
            new Dictionary<string, string?> { ["FeedbackForm.Rating"] = "4", ["FeedbackForm.Comment"] = "ひみつの感想" }));
        await AfterTown.BoardAsync(town, id, "隠した付箋", "バスが少ない", "移動販売車");
        ChallengePagesHost.Redirected(await PageForms.Submit(town.Facilitator, $"/workshops/{id}/record", "record",
            new Dictionary<string, string?> { ["Record.Minutes"] = "議事録です" }));
        await town.CatchUpAsync();

        var anonymous = town.Host.Anonymous();
        var csv = await anonymous.GetStringAsync("/api/export/workshops.csv");
        var lines = csv.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal("id,title,stage,status,startsAt,endsAt,place,online,capacity,registeredCount,waitingCount,ideasCreatedCount,outcomeCount,hasMinutes", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.EndsWith(",飛島総合センター,False,20,2,0,0,0,True", row);
        var json = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/export/workshops.json");
        var item = json.EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.True(item.GetProperty("hasMinutes").GetBoolean());
        Assert.Equal(2, item.GetProperty("registeredCount").GetInt32());

        foreach (var client in new[] { anonymous, town.Facilitator })
        {
            var boardCsv = await client.GetStringAsync($"/api/workshops/{id}/board.csv");
            Assert.StartsWith("noteId,columnId,column,clusterId,cluster,text,round1Dots", boardCsv.TrimStart('\uFEFF'));
            Assert.Contains(",アイデア,,,移動販売車,3", boardCsv);
            Assert.Contains(",交通,バスが少ない,1", boardCsv);
            var boardJson = await client.GetStringAsync($"/api/workshops/{id}/board.json");
            Assert.Contains("\"移動販売車\"", boardJson);
            foreach (var text in new[] { boardCsv, boardJson })
            {
                Assert.DoesNotContain("隠した付箋", text);
                Assert.DoesNotContain(town.FacilitatorId, text);
                Assert.DoesNotContain("author", text, StringComparison.OrdinalIgnoreCase);
            }
        }

        foreach (var text in new[] { csv, json.GetRawText() })
        {
            Assert.DoesNotContain("紙で申込", text);
            Assert.DoesNotContain("0234-99-1234", text);
            Assert.DoesNotContain("ひみつの感想", text);
            Assert.DoesNotContain("酒田", text);
        }

        using var unknown = await anonymous.GetAsync($"/api/workshops/{LivingLab.Common.Ids.New()}/board.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
