using System.Net;
using System.Text.Json;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Challenges;
using LivingLab.Web.Tests.Pages.Staff;

namespace LivingLab.Web.Tests.Workshops.Staff;

/// <summary>The facilitators' workshop pages over HTTP, as a browser without script uses them: plain forms, PRG, refusals beside the fields.</summary>
public sealed class WorkshopStaffPageTests(WorkshopStaffSite host) : IClassFixture<WorkshopStaffSite>
{
    private StaffSite Site => host.Site;

    [Fact]
    public async Task Creating_through_the_plain_form_lands_on_the_workshop_page_with_the_date_in_japan_time_and_a_resent_form_makes_no_second()
    {
        var challengeId = await Site.NewChallenge("港の待合所が寒い");
        var (_, form) = await PageForms.Get(Site.Facilitator, "/workshops/new");
        var fields = WorkshopStaffSite.Fields("作成フォームのテスト");
        fields[WorkshopFieldNames.Challenge] = challengeId;

        using var first = await PageForms.Submit(Site.Facilitator, form, "/workshops/new", "workshop-form", fields);
        using var again = await PageForms.Submit(Site.Facilitator, form, "/workshops/new", "workshop-form", fields);

        var id = WorkshopStaffSite.IdFrom(first);
        Assert.Equal(id, WorkshopStaffSite.IdFrom(again));
        var workshop = await Site.Json($"/api/workshops/{id}");
        Assert.Equal(("作成フォームのテスト", "research", 12, true), (workshop.GetProperty("title").GetString(), workshop.GetProperty("stage").GetString(),
            workshop.GetProperty("capacity").GetInt32(), workshop.GetProperty("guestsAllowed").GetBoolean()));
        Assert.Equal(DateTimeOffset.Parse($"{WorkshopStaffSite.Day}T14:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture),
            workshop.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(2), workshop.GetProperty("endsAt").GetDateTimeOffset() - workshop.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal([challengeId], workshop.GetProperty("challengeIds").EnumerateArray().Select(c => c.GetString()));
        var list = await Site.Json("/api/workshops?pageSize=100");
        Assert.Single(list.GetProperty("items").EnumerateArray(), w => w.GetProperty("title").GetString() == "作成フォームのテスト");
    }

    [Fact]
    public async Task A_workshop_decided_by_a_date_poll_is_saved_without_times_even_if_some_were_typed()
    {
        var fields = WorkshopStaffSite.Fields("日程調整で決める会");
        fields["Input.When"] = "poll";
        fields["Input.EndTime"] = "";

        var id = await host.CreateThroughForm(fields);

        var workshop = await Site.Json($"/api/workshops/{id}");
        Assert.Equal(JsonValueKind.Null, workshop.GetProperty("startsAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, workshop.GetProperty("endsAt").ValueKind);
    }

    [Theory]
    [InlineData("ja", "「タイトル」を入力してください。", "「段階」を入力してください。", "会場かオンラインのURLのどちらかを入力してください。", "「定員」の値が範囲外です。", "終了は開始より後にしてください。")]
    [InlineData("en", "Title is required.", "Stage is required.", "Enter a place or an online link.", "Capacity is out of range.", "The end must come after the start.")]
    public async Task Every_refused_field_has_its_message_beside_it_in_the_pages_language_and_nothing_is_created(
        string culture, string title, string stage, string place, string capacity, string times)
    {
        var client = await host.FacilitatorIn(culture);
        var before = (await Site.Json("/api/workshops?pageSize=100")).GetProperty("total").GetInt32();
        var fields = WorkshopStaffSite.Fields("");
        fields["Input.Stage"] = "";
        fields["Input.Place"] = "";
        fields["Input.Capacity"] = "0";
        fields["Input.EndTime"] = "13:00";

        using var refused = await PageForms.Submit(client, "/workshops/new", "workshop-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector("#ws-title-error")?.TextContent.Trim());
        Assert.Equal(stage, page.QuerySelector("#ws-stage-error")?.TextContent.Trim());
        Assert.Equal(place, page.QuerySelector("#ws-place-error")?.TextContent.Trim());
        Assert.Equal(capacity, page.QuerySelector("#ws-capacity-error")?.TextContent.Trim());
        Assert.Equal(times, page.QuerySelector("#ws-endsAt-error")?.TextContent.Trim());
        Assert.Contains("ws-title-error", page.QuerySelector("#ws-title")!.GetAttribute("aria-describedby"));
        Assert.Equal("13:00", page.QuerySelector("#ws-end")!.GetAttribute("value"));
        Assert.Equal(before, (await Site.Json("/api/workshops?pageSize=100")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_plain_preview_renders_the_description_as_markdown_with_html_as_text_and_saves_nothing()
    {
        var fields = WorkshopStaffSite.Fields("プレビューの会");
        fields["Input.Description"] = "**大切**な話 <script>alert(1)</script>";
        fields["Input.Action"] = "preview";

        using var previewed = await PageForms.Submit(Site.Facilitator, "/workshops/new", "workshop-form", fields);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var page = PageForms.Parse(await previewed.Content.ReadAsStringAsync());
        var preview = page.QuerySelector("#ws-preview")!;
        Assert.Equal("大切", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("<script>", preview.TextContent);
        Assert.Equal("プレビューの会", page.QuerySelector("#ws-title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Editing_shows_the_stored_workshop_saves_changes_and_refuses_fewer_seats_than_registered_beside_the_capacity()
    {
        var id = await host.CreateThroughForm(WorkshopStaffSite.Fields("編集前の会"));
        await host.Register(id, "本間 一郎");
        await host.Register(id, "本間 二郎");
        var (got, form) = await PageForms.Get(Site.Facilitator, $"/workshops/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("編集前の会", form.QuerySelector("#ws-title")!.GetAttribute("value"));
        Assert.Equal("14:00", form.QuerySelector("#ws-start")!.GetAttribute("value"));
        Assert.Equal("research", form.QuerySelector("#ws-stage option[selected]")!.GetAttribute("value"));

        var fewer = WorkshopStaffSite.Fields("編集後の会");
        fewer["Input.Capacity"] = "1";
        using var refused = await PageForms.Submit(Site.Facilitator, form, $"/workshops/{id}/edit", "workshop-form", fewer);
        var renamed = WorkshopStaffSite.Fields("編集後の会");
        renamed["Input.Stage"] = "pilot";
        using var saved = await PageForms.Submit(Site.Facilitator, $"/workshops/{id}/edit", "workshop-form", renamed);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("定員を、申し込み済みの2人より少なくはできません。", page.QuerySelector("#ws-capacity-error")?.TextContent.Trim());
        Assert.Equal(id, WorkshopStaffSite.IdFrom(saved));
        var workshop = await Site.Json($"/api/workshops/{id}");
        Assert.Equal(("編集後の会", "pilot", 12), (workshop.GetProperty("title").GetString(), workshop.GetProperty("stage").GetString(), workshop.GetProperty("capacity").GetInt32()));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_the_confirmation_then_the_workshop_is_cancelled_with_that_public_reason()
    {
        var id = await host.CreateThroughForm(WorkshopStaffSite.Fields("中止する会"));
        var path = $"/workshops/{id}/edit";

        using var noReason = await PageForms.Submit(Site.Facilitator, path, "cancel-workshop", new Dictionary<string, string?> { ["Cancel.Confirm"] = "true" });
        using var unconfirmed = await PageForms.Submit(Site.Facilitator, path, "cancel-workshop", new Dictionary<string, string?> { ["Cancel.Reason"] = "台風のため" });
        var still = await Site.Json($"/api/workshops/{id}");
        using var cancelled = await PageForms.Submit(Site.Facilitator, path, "cancel-workshop",
            new Dictionary<string, string?> { ["Cancel.Reason"] = "台風の接近により中止します。", ["Cancel.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("「理由」を入力してください。",
            PageForms.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("#ws-cancel-reason-error")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.NotNull(PageForms.Parse(await unconfirmed.Content.ReadAsStringAsync()).QuerySelector("#ws-cancel-confirm-error"));
        Assert.Equal("planned", still.GetProperty("status").GetString());
        Assert.Equal(id, WorkshopStaffSite.IdFrom(cancelled));
        var workshop = await Site.Json($"/api/workshops/{id}");
        Assert.Equal(("cancelled", "台風の接近により中止します。"), (workshop.GetProperty("status").GetString(), workshop.GetProperty("statusReason").GetString()));
        var (_, edit) = await PageForms.Get(Site.Facilitator, path);
        Assert.NotNull(edit.QuerySelector("[data-testid=ws-cancelled]"));
        Assert.False(PageForms.HasForm(edit, "workshop-form"));
    }

    [Fact]
    public async Task The_registrations_page_lists_seats_then_waiting_positions_and_someone_staff_entered_and_a_removal_promotes_the_first_waiting()
    {
        var fields = WorkshopStaffSite.Fields("申し込み一覧の会");
        fields["Input.Capacity"] = "1";
        var id = await host.CreateThroughForm(fields);
        var path = $"/workshops/{id}/registrations";
        var seated = await host.Register(id, "佐藤 一子");
        await host.Register(id, "佐藤 二子");

        using var entered = await PageForms.Submit(Site.Facilitator, path, "register-offline",
            new Dictionary<string, string?> { ["Offline.Name"] = "鈴木 ハル", ["Offline.Contact"] = "電話 0234-00-0000" });
        using var noContact = await PageForms.Submit(Site.Facilitator, path, "register-offline", new Dictionary<string, string?> { ["Offline.Name"] = "名前だけ" });
        var (_, listed) = await PageForms.Get(Site.Facilitator, path);

        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Equal($"{path}?done=added", WorkshopStaffSite.Where(entered));
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Equal("「連絡先」を入力してください。", PageForms.Parse(await noContact.Content.ReadAsStringAsync()).QuerySelector("#ws-offline-contact-error")?.TextContent.Trim());
        Assert.Contains("申し込み 1 / 定員 1人", listed.QuerySelector("[data-testid=ws-counts]")!.TextContent);
        Assert.Contains("キャンセル待ち 2人", listed.QuerySelector("[data-testid=ws-counts]")!.TextContent);
        Assert.Contains("佐藤 一子", listed.QuerySelector("[data-testid=ws-seats]")!.TextContent);
        var waiting = listed.QuerySelectorAll("[data-testid=ws-waiting] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.StartsWith("1", waiting[0].Trim());
        Assert.Contains("佐藤 二子", waiting[0]);
        Assert.StartsWith("2", waiting[1].Trim());
        Assert.Contains("鈴木 ハル", waiting[1]);
        Assert.Contains("電話 0234-00-0000", waiting[1]);
        Assert.Contains("職員が登録", waiting[1]);

        var (asked, confirm) = await PageForms.Get(Site.Facilitator, $"{path}?remove={seated}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("佐藤 一子さんの申し込みを取り消しますか？", confirm.QuerySelector("[data-testid=ws-remove-confirm]")!.TextContent);
        Assert.Null(confirm.QuerySelector("#ws-remove-error"));
        using var removed = await PageForms.Submit(Site.Facilitator, confirm, $"{path}?remove={seated}", "remove-registration");

        Assert.Equal($"{path}?done=removed", WorkshopStaffSite.Where(removed));
        var (_, after) = await PageForms.Get(Site.Facilitator, path);
        Assert.Contains("佐藤 二子", after.QuerySelector("[data-testid=ws-seats]")!.TextContent);
        Assert.DoesNotContain("佐藤 一子", after.Body!.TextContent);
        var nowWaiting = Assert.Single(after.QuerySelectorAll("[data-testid=ws-waiting] tbody tr"));
        Assert.StartsWith("1", nowWaiting.TextContent.Trim());
        Assert.Contains("鈴木 ハル", nowWaiting.TextContent);
    }

    [Fact]
    public async Task A_date_poll_opens_from_the_plain_rows_in_japan_time_and_bad_rows_answered_polls_or_a_fixed_date_are_refused_beside_the_slots()
    {
        var fields = WorkshopStaffSite.Fields("候補日の会");
        fields["Input.When"] = "poll";
        var id = await host.CreateThroughForm(fields);
        var path = $"/workshops/{id}/poll/new";
        var (_, form) = await PageForms.Get(Site.Facilitator, path);
        Assert.Equal(5, form.QuerySelectorAll("[data-testid=ws-slot]").Length);

        using var badRow = await PageForms.Submit(Site.Facilitator, form, path, "open-poll", new Dictionary<string, string?>
        {
            ["Poll.Slots[0].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[0].StartTime"] = "10:00", ["Poll.Slots[0].EndTime"] = "12:00",
            ["Poll.Slots[1].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[1].StartTime"] = "15:00", ["Poll.Slots[1].EndTime"] = "14:00",
        });
        using var opened = await PageForms.Submit(Site.Facilitator, path, "open-poll", new Dictionary<string, string?>
        {
            ["Poll.Slots[0].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[0].StartTime"] = "10:00", ["Poll.Slots[0].EndTime"] = "12:00",
            ["Poll.Slots[2].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[2].StartTime"] = "18:30", ["Poll.Slots[2].EndTime"] = "20:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, badRow.StatusCode);
        var refusal = PageForms.Parse(await badRow.Content.ReadAsStringAsync());
        Assert.Equal("終了は開始より後にしてください。 （候補 2）", refusal.QuerySelector("#ws-slots-error")?.TextContent.Trim());
        Assert.Equal("15:00", refusal.QuerySelector("#ws-slot-1-start")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/workshops/{id}", WorkshopStaffSite.Where(opened));
        var poll = await Site.Json($"/api/workshops/{id}/poll");
        var starts = poll.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startsAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(9)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["10:00", "18:30"], starts);

        var answeredId = await host.CreateThroughForm(fields);
        await host.AnsweredPoll(answeredId);
        using var answered = await PageForms.Submit(Site.Facilitator, $"/workshops/{answeredId}/poll/new", "open-poll", new Dictionary<string, string?>
        {
            ["Poll.Slots[0].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[0].StartTime"] = "10:00", ["Poll.Slots[0].EndTime"] = "12:00",
            ["Poll.Slots[1].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[1].StartTime"] = "13:00", ["Poll.Slots[1].EndTime"] = "14:00",
        });
        Assert.Equal(HttpStatusCode.Conflict, answered.StatusCode);
        Assert.Equal("すでに回答があるため、候補日は変えられません。",
            PageForms.Parse(await answered.Content.ReadAsStringAsync()).QuerySelector("#ws-slots-error")?.TextContent.Trim());

        var datedId = await host.CreateThroughForm(WorkshopStaffSite.Fields("日時が決まった会"));
        var (_, datedForm) = await PageForms.Get(Site.Facilitator, $"/workshops/{datedId}/poll/new");
        Assert.NotNull(datedForm.QuerySelector("[data-testid=ws-poll-fixed]"));
        using var dated = await PageForms.Submit(Site.Facilitator, datedForm, $"/workshops/{datedId}/poll/new", "open-poll", new Dictionary<string, string?>
        {
            ["Poll.Slots[0].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[0].StartTime"] = "10:00", ["Poll.Slots[0].EndTime"] = "12:00",
            ["Poll.Slots[1].Date"] = WorkshopStaffSite.Day, ["Poll.Slots[1].StartTime"] = "13:00", ["Poll.Slots[1].EndTime"] = "14:00",
        });
        Assert.Equal(HttpStatusCode.Conflict, dated.StatusCode);
        Assert.Equal("日程はすでに決まっています。", PageForms.Parse(await dated.Content.ReadAsStringAsync()).QuerySelector("#ws-slots-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task Residents_get_the_403_page_anonymous_visitors_are_sent_to_sign_in_and_the_queue_links_a_new_workshop()
    {
        var id = await host.CreateThroughForm(WorkshopStaffSite.Fields("権限の会"));
        using var anonymous = Site.NewClient();

        foreach (var path in new[] { "/workshops/new", $"/workshops/{id}/edit", $"/workshops/{id}/registrations", $"/workshops/{id}/poll/new" })
        {
            using var resident = await Site.Resident.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, resident.StatusCode);
            Assert.StartsWith("/forbidden", resident.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            using var visitor = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", visitor.Headers.Location!.PathAndQuery);
        }

        using var unknown = await Site.Facilitator.GetAsync("/workshops/0000000000000000/edit");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (_, queue) = await PageForms.Get(Site.Facilitator, "/facilitate");
        Assert.Equal("workshops/new", queue.QuerySelector("[data-testid=workshops-new-link]")!.GetAttribute("href"));
    }
}

/// <summary>The posted names of the workshop form's link checkboxes.</summary>
internal static class WorkshopFieldNames
{
    public const string Challenge = "Link.Challenge";
}
