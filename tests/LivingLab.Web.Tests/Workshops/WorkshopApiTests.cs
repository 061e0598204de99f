using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Workshops;

/// <summary><c>/api/workshops</c> on a real server: creating, registering with a waiting list, the date poll, the list.</summary>
public sealed class WorkshopApiTests
{
    [Fact]
    public async Task A_facilitator_creates_a_workshop_bad_input_is_refused_in_the_callers_language_and_a_repeated_key_makes_one()
    {
        await using var lab = await Lab.StartAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(14);
        var body = new { title = "勝浦の交通を考える会", stage = "research", place = "", onlineUrl = "", capacity = 30, startsAt = starts, endsAt = starts.AddHours(2) };

        using var nowhere = await lab.Facilitator.PostAsJsonAsync("/api/workshops", body);
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(body with { place = "勝浦公民館", capacity = 0 }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var noSeats = await lab.Facilitator.SendAsync(english);
        using var badStage = await lab.Facilitator.PostAsJsonAsync("/api/workshops", body with { stage = "someday" });
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(body with { place = "勝浦公民館" }) };
        keyed.Headers.Add("Idempotency-Key", "form-1");
        using var created = await lab.Facilitator.SendAsync(keyed);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(body with { place = "勝浦公民館" }) };
        again.Headers.Add("Idempotency-Key", "form-1");
        using var repeated = await lab.Facilitator.SendAsync(again);
        var id = (await AccountApi.Json(created)).GetProperty("id").GetString()!;
        var read = await Lab.GetJson(lab.Anonymous, $"/api/workshops/{id}");

        var place = await AccountApi.Problem(nowhere, HttpStatusCode.BadRequest, "placeOrOnlineRequired");
        Assert.Equal("place", place.GetProperty("field").GetString());
        Assert.Equal("会場かオンラインのURLのどちらかを入力してください。", place.GetProperty("detail").GetString());
        var seats = await AccountApi.Problem(noSeats, HttpStatusCode.BadRequest, "outOfRange");
        Assert.Equal("Capacity is out of range.", seats.GetProperty("detail").GetString());
        Assert.Equal("stage", (await AccountApi.Problem(badStage, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(id, (await AccountApi.Json(repeated)).GetProperty("id").GetString());
        Assert.Equal(("research", "planned", 30, 0), (read.GetProperty("stage").GetString(), read.GetProperty("status").GetString(),
            read.GetProperty("capacity").GetInt32(), read.GetProperty("registeredCount").GetInt32()));
    }

    [Fact]
    public async Task Seats_then_a_waiting_list_and_a_withdrawal_gives_the_first_waiting_the_seat()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewWorkshop(capacity: 1);
        var (second, _) = await lab.NewResident("本間 次郎");

        using var first = await lab.Resident.PostAsync($"/api/workshops/{id}/registration", null);
        using var waiting = await second.PostAsync($"/api/workshops/{id}/registration", null);
        using var twice = await second.PostAsync($"/api/workshops/{id}/registration", null);
        using var withdrawn = await lab.Resident.DeleteAsync($"/api/workshops/{id}/registration");
        using var withdrawnAgain = await lab.Resident.DeleteAsync($"/api/workshops/{id}/registration");
        var seen = await Lab.GetJson(second, $"/api/workshops/{id}");
        var staffList = await Lab.GetJson(lab.Facilitator, $"/api/workshops/{id}/registrations");

        Assert.Equal("registered", (await AccountApi.Json(first)).GetProperty("status").GetString());
        var queued = await AccountApi.Json(waiting);
        Assert.Equal(("waiting", 1), (queued.GetProperty("status").GetString(), queued.GetProperty("waitingPosition").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await AccountApi.Problem(withdrawnAgain, HttpStatusCode.Conflict, "notRegistered");
        Assert.Equal("registered", seen.GetProperty("mine").GetProperty("status").GetString());
        Assert.Equal((1, 0), (seen.GetProperty("registeredCount").GetInt32(), seen.GetProperty("waitingCount").GetInt32()));
        Assert.Single(staffList.EnumerateArray());
    }

    [Fact]
    public async Task The_date_poll_shows_counts_to_everyone_names_to_staff_and_fixing_a_slot_sets_the_date_and_closes_it()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewWorkshop(openDate: true);
        var slots = await lab.OpenPoll(id);

        using var answered = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/poll/answers",
            new { marks = new Dictionary<string, string> { [slots[0]] = "yes", [slots[1]] = "maybe" }, comment = "午後なら" });
        using var badMark = await lab.Partner.PostAsJsonAsync($"/api/workshops/{id}/poll/answers", new { marks = new Dictionary<string, string> { [slots[0]] = "○" } });
        var publicView = await Lab.GetJson(lab.Anonymous, $"/api/workshops/{id}/poll");
        var staffView = await Lab.GetJson(lab.Facilitator, $"/api/workshops/{id}/poll");
        using var scheduled = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/schedule", new { slotId = slots[1] });
        using var late = await lab.Partner.PostAsJsonAsync($"/api/workshops/{id}/poll/answers", new { marks = new Dictionary<string, string> { [slots[0]] = "yes" } });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("marks", (await AccountApi.Problem(badMark, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        Assert.Equal(1, publicView.GetProperty("answerCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, publicView.GetProperty("answers").ValueKind);
        Assert.Equal((1, 0), (publicView.GetProperty("slots")[0].GetProperty("yes").GetInt32(), publicView.GetProperty("slots")[0].GetProperty("maybe").GetInt32()));
        var answer = staffView.GetProperty("answers")[0];
        Assert.Equal((lab.PersonId(Role.Resident), "午後なら"), (answer.GetProperty("personId").GetString(), answer.GetProperty("comment").GetString()));
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(staffView.GetProperty("slots")[1].GetProperty("startsAt").GetDateTimeOffset(),
            (await AccountApi.Json(scheduled)).GetProperty("startsAt").GetDateTimeOffset());
        await AccountApi.Problem(late, HttpStatusCode.Conflict, "dateFixed");
    }

    [Fact]
    public async Task The_list_shows_upcoming_workshops_with_their_counts_and_refuses_an_unknown_filter()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewWorkshop(capacity: 5);
        using (await lab.Resident.PostAsync($"/api/workshops/{id}/registration", null))
        {
        }

        await lab.CatchUpAsync();
        var upcoming = await Lab.GetJson(lab.Anonymous, "/api/workshops");
        var past = await Lab.GetJson(lab.Anonymous, "/api/workshops?when=past");
        using var bad = await lab.Anonymous.GetAsync("/api/workshops?when=tomorrow");

        var item = Assert.Single(upcoming.GetProperty("items").EnumerateArray());
        Assert.Equal((id, 5, 1), (item.GetProperty("id").GetString(), item.GetProperty("capacity").GetInt32(), item.GetProperty("registeredCount").GetInt32()));
        Assert.Empty(past.GetProperty("items").EnumerateArray());
        Assert.Equal("when", (await AccountApi.Problem(bad, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
    }

    [Fact]
    public async Task After_the_workshop_staff_keep_minutes_and_a_recording_and_participants_rate_it_with_refusals_in_their_language()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewWorkshop(startsAt: DateTimeOffset.UtcNow.AddHours(-1));
        var upcoming = await lab.NewWorkshop();
        using (await lab.Resident.PostAsync($"/api/workshops/{id}/registration", null))
        using (await lab.Resident.PostAsync($"/api/workshops/{upcoming}/registration", null))
        {
        }

        using var script = await lab.Facilitator.PutAsJsonAsync($"/api/workshops/{id}/record", new { minutes = "# 議事録", recordingUrl = "javascript:alert(1)" });
        using var recorded = await lab.Facilitator.PutAsJsonAsync($"/api/workshops/{id}/record",
            new { minutes = "# 議事録\n- 困りごと 12 件", recordingUrl = "https://video.example.jp/ws/1" });
        using var early = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{upcoming}/feedback") { Content = JsonContent.Create(new { rating = 5 }) };
        early.Headers.AcceptLanguage.ParseAdd("en");
        using var tooEarly = await lab.Resident.SendAsync(early);
        using var outOfRange = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/feedback", new { rating = 0 });
        using var given = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/feedback", new { rating = 4, comment = "島の人の声が聞けた" });
        using var notSeated = await lab.Partner.PostAsJsonAsync($"/api/workshops/{id}/feedback", new { rating = 1 });
        var publicView = await Lab.GetJson(lab.Anonymous, $"/api/workshops/{id}");
        var residentView = await Lab.GetJson(lab.Resident, $"/api/workshops/{id}/feedback");
        var staffView = await Lab.GetJson(lab.Facilitator, $"/api/workshops/{id}/feedback");

        Assert.Equal("recordingUrl", (await AccountApi.Problem(script, HttpStatusCode.BadRequest, "invalidUrl")).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(("# 議事録\n- 困りごと 12 件", "https://video.example.jp/ws/1"),
            (publicView.GetProperty("minutes").GetString(), publicView.GetProperty("recordingUrl").GetString()));
        Assert.Equal("Feedback opens once the workshop has begun.",
            (await AccountApi.Problem(tooEarly, HttpStatusCode.Conflict, "feedbackNotOpen")).GetProperty("detail").GetString());
        Assert.Equal("rating", (await AccountApi.Problem(outOfRange, HttpStatusCode.BadRequest, "outOfRange")).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        await AccountApi.Problem(notSeated, HttpStatusCode.Conflict, "notRegistered");
        Assert.Equal(4, residentView.GetProperty("mine").GetProperty("rating").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, residentView.GetProperty("summary").ValueKind);
        var summary = staffView.GetProperty("summary");
        Assert.Equal((1, 4.0), (summary.GetProperty("count").GetInt32(), summary.GetProperty("average").GetDouble()));
        Assert.Equal("島の人の声が聞けた", summary.GetProperty("comments")[0].GetProperty("comment").GetString());
        Assert.DoesNotContain(lab.PersonId(Role.Resident), staffView.GetRawText());
    }
}
