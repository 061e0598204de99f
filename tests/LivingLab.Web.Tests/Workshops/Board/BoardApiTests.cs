using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Workshops.Board;

/// <summary><c>/api/workshops/{id}/board</c> and what runs it, on a real server.</summary>
public sealed class BoardApiTests
{
    [Fact]
    public async Task Fifty_racing_dots_from_one_resident_with_five_place_exactly_five()
    {
        await using var lab = await Lab.StartAsync();
        var (id, column) = await BoardApi.OpenBoard(lab);
        await BoardApi.Join(lab.Resident, id);
        var note = await BoardApi.Note(lab.Facilitator, id, column);
        await BoardApi.Round(lab, id, dots: 5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await lab.Resident.PostAsync($"/api/workshops/{id}/notes/{note}/dots", null);
            return (response.StatusCode, Body: await AccountApi.Json(response));
        }));
        var board = await Lab.GetJson(lab.Resident, $"/api/workshops/{id}/board");

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(45, refused.Count);
        Assert.All(refused, a => Assert.Equal((HttpStatusCode.Conflict, "noDotsLeft"), (a.StatusCode, a.Body.GetProperty("code").GetString())));
        Assert.Equal([0, 1, 2, 3, 4], answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Body.GetProperty("dotsLeft").GetInt32()).Order());
        Assert.Equal((0, 5), (board.GetProperty("round").GetProperty("dotsLeft").GetInt32(), board.GetProperty("round").GetProperty("myDots").GetProperty(note).GetInt32()));
    }

    [Fact]
    public async Task A_closed_round_refuses_dots_and_hiding_a_note_during_a_round_drops_its_dots_and_says_how_many()
    {
        await using var lab = await Lab.StartAsync();
        var (id, column) = await BoardApi.OpenBoard(lab);
        await BoardApi.Join(lab.Resident, id);
        var kept = await BoardApi.Note(lab.Resident, id, column, "港の売店が早く閉まる");
        var rude = await BoardApi.Note(lab.Resident, id, column, "不適切な投稿");
        await BoardApi.Round(lab, id, dots: 3);
        foreach (var note in new[] { rude, rude, kept })
        {
            using var dot = await lab.Resident.PostAsync($"/api/workshops/{id}/notes/{note}/dots", null);
            Assert.Equal(HttpStatusCode.Created, dot.StatusCode);
        }

        using var byResident = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/notes/{rude}/hide", new { reason = "不適切" });
        using var hidden = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/notes/{rude}/hide", new { reason = "不適切" });
        var afterHide = await Lab.GetJson(lab.Resident, $"/api/workshops/{id}/board");
        using var onHidden = await lab.Resident.PostAsync($"/api/workshops/{id}/notes/{rude}/dots", null);
        using var closed = await lab.Facilitator.PostAsync($"/api/workshops/{id}/rounds/current/close", null);
        using var late = await lab.Resident.PostAsync($"/api/workshops/{id}/notes/{kept}/dots", null);
        using var lateRemove = await lab.Resident.DeleteAsync($"/api/workshops/{id}/notes/{kept}/dots");

        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(2, (await AccountApi.Json(hidden)).GetProperty("dotsDropped").GetInt32());
        Assert.Equal(2, afterHide.GetProperty("round").GetProperty("dotsLeft").GetInt32());
        Assert.DoesNotContain(afterHide.GetProperty("notes").EnumerateArray(), n => n.GetProperty("id").GetString() == rude);
        await AccountApi.Problem(onHidden, HttpStatusCode.Conflict, "noteHidden");
        var result = await AccountApi.Json(closed);
        Assert.Equal((kept, 1), (result.GetProperty("notes")[0].GetProperty("noteId").GetString(), result.GetProperty("notes")[0].GetProperty("dots").GetInt32()));
        Assert.Equal(1, result.GetProperty("notes").GetArrayLength());
        await AccountApi.Problem(late, HttpStatusCode.Conflict, "roundClosed");
        await AccountApi.Problem(lateRemove, HttpStatusCode.Conflict, "roundClosed");
    }

    [Fact]
    public async Task Empty_and_long_notes_are_refused_in_the_callers_language_and_strangers_may_not_post()
    {
        await using var lab = await Lab.StartAsync();
        var (id, column) = await BoardApi.OpenBoard(lab);
        await BoardApi.Join(lab.Resident, id);

        using var empty = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text = "  " });
        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{id}/notes") { Content = JsonContent.Create(new { columnId = column, text = new string('長', 281) }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var tooLongEn = await lab.Resident.SendAsync(english);
        using var tooLongJa = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text = new string('長', 281) });
        using var exactly = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text = new string('長', 280) });
        using var anonymous = await lab.Anonymous.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text = "こんにちは" });
        using var notJoined = await lab.Partner.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text = "こんにちは" });
        using var unknown = await lab.Resident.GetAsync("/api/workshops/0000000000000000/board");

        var required = await AccountApi.Problem(empty, HttpStatusCode.BadRequest, "required");
        Assert.EndsWith("を入力してください。", required.GetProperty("detail").GetString());
        Assert.Equal("text", required.GetProperty("field").GetString());
        Assert.EndsWith("must be at most 280 characters.", (await AccountApi.Problem(tooLongEn, HttpStatusCode.BadRequest, "tooLong")).GetProperty("detail").GetString());
        Assert.EndsWith("は280文字以内で入力してください。", (await AccountApi.Problem(tooLongJa, HttpStatusCode.BadRequest, "tooLong")).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, exactly.StatusCode);
        await AccountApi.Problem(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        await AccountApi.Problem(notJoined, HttpStatusCode.Forbidden, "notParticipant");
        await AccountApi.Problem(unknown, HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task An_anonymous_notes_author_stays_out_of_every_public_read_and_the_room_code_is_for_staff()
    {
        await using var lab = await Lab.StartAsync();
        var (id, column) = await BoardApi.OpenBoard(lab);
        await BoardApi.Join(lab.Resident, id);
        await BoardApi.Join(lab.Partner, id);
        var secret = await BoardApi.Note(lab.Resident, id, column, "実は自治会に言いにくい", anonymous: true);
        var open = await BoardApi.Note(lab.Resident, id, column, "バスを増やしてほしい");
        var residentId = lab.PersonId(Role.Resident);

        var staff = await Lab.GetJson(lab.Facilitator, $"/api/workshops/{id}/board");
        var publicText = await Lab.GetText(lab.Anonymous, $"/api/workshops/{id}/board");
        var peer = await Lab.GetJson(lab.Partner, $"/api/workshops/{id}/board");
        var mine = await Lab.GetJson(lab.Resident, $"/api/workshops/{id}/board");

        var code = staff.GetProperty("roomCode").GetString()!;
        Assert.Contains("実は自治会に言いにくい", publicText);
        Assert.DoesNotContain(residentId, publicText);
        Assert.DoesNotContain(code, publicText);
        var peerSecret = peer.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == secret);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, peerSecret.GetProperty("authorId").ValueKind);
        Assert.Equal(residentId, peer.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == open).GetProperty("authorId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, peer.GetProperty("roomCode").ValueKind);
        Assert.True(mine.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == secret).GetProperty("mine").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, staff.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == secret).GetProperty("authorId").ValueKind);
    }

    [Fact]
    public async Task Staff_promote_a_note_to_a_new_idea_once_and_the_board_shows_what_it_led_to()
    {
        await using var lab = await Lab.StartAsync();
        var (id, column) = await BoardApi.OpenBoard(lab);
        var note = await BoardApi.Note(lab.Facilitator, id, column, "移動販売車が週2回来てほしい");
        var body = new { target = "newIdea", title = "移動販売車を島に", summary = "週2回回る。", category = "elderly" };

        using var first = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/notes/{note}/promote", body);
        using var again = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/notes/{note}/promote", body);
        using var badTarget = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/notes/{note}/promote", body with { target = "someday" });
        using var byResident = await lab.Resident.PostAsJsonAsync($"/api/workshops/{id}/notes/{note}/promote", body);
        var board = await Lab.GetJson(lab.Anonymous, $"/api/workshops/{id}/board");

        var outcome = await AccountApi.Json(first);
        var ideaId = outcome.GetProperty("targetId").GetString()!;
        Assert.Equal("newIdea", outcome.GetProperty("target").GetString());
        Assert.Equal(ideaId, (await AccountApi.Json(again)).GetProperty("targetId").GetString());
        Assert.Equal("target", (await AccountApi.Problem(badTarget, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{ideaId}");
        Assert.Equal(("移動販売車を島に", "discovery"), (idea.GetProperty("title").GetString(), idea.GetProperty("stage").GetString()));
        var ledTo = board.GetProperty("notes")[0].GetProperty("ledTo")[0];
        Assert.Equal(("newIdea", ideaId), (ledTo.GetProperty("target").GetString(), ledTo.GetProperty("targetId").GetString()));
    }
}
