using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Ideas;

public sealed class IdeaApiTests
{
    [Fact]
    public async Task A_resident_proposes_an_idea_which_starts_open_in_discovery()
    {
        await using var lab = await Lab.StartAsync();

        using var proposed = await lab.Resident.PostAsJsonAsync("/api/ideas",
            new { title = "スマホ相談窓口", summary = "公民館で毎週、高齢者のスマホ相談を開く。", category = "elderly" });
        var id = (await AccountApi.Json(proposed)).GetProperty("id").GetString()!;
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.Equal($"/api/ideas/{id}", proposed.Headers.Location?.OriginalString);
        Assert.Equal("discovery", idea.GetProperty("stage").GetString());
        Assert.Equal("open", idea.GetProperty("status").GetString());
        Assert.Equal("酒田 花子", idea.GetProperty("createdBy").GetProperty("displayName").GetString());
        Assert.Equal("research", idea.GetProperty("nextStage").GetString());
        Assert.Empty(idea.GetProperty("nextGate").EnumerateArray());
        Assert.Equal("none", idea.GetProperty("operator").GetProperty("kind").GetString());
        Assert.Equal(0, idea.GetProperty("voteCount").GetInt32());
        Assert.False(idea.GetProperty("votedByMe").GetBoolean());
    }

    [Fact]
    public async Task Votes_count_once_per_person_and_can_be_withdrawn()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();

        var voted = await AccountApi.Json(await lab.Partner.PostAsync($"/api/ideas/{id}/votes", null));
        using var again = await lab.Partner.PostAsync($"/api/ideas/{id}/votes", null);
        var other = await AccountApi.Json(await lab.Resident.PostAsync($"/api/ideas/{id}/votes", null));
        var seen = await Lab.GetJson(lab.Partner, $"/api/ideas/{id}");
        var withdrawn = await AccountApi.Json(await lab.Partner.DeleteAsync($"/api/ideas/{id}/votes"));
        using var withdrawnAgain = await lab.Partner.DeleteAsync($"/api/ideas/{id}/votes");
        var after = await Lab.GetJson(lab.Partner, $"/api/ideas/{id}");

        Assert.Equal(1, voted.GetProperty("voteCount").GetInt32());
        await AccountApi.Problem(again, HttpStatusCode.Conflict, "alreadyVoted");
        Assert.Equal(2, other.GetProperty("voteCount").GetInt32());
        Assert.True(seen.GetProperty("votedByMe").GetBoolean());
        Assert.Equal(1, withdrawn.GetProperty("voteCount").GetInt32());
        await AccountApi.Problem(withdrawnAgain, HttpStatusCode.Conflict, "notVoted");
        Assert.False(after.GetProperty("votedByMe").GetBoolean());
        Assert.Equal(1, after.GetProperty("voteCount").GetInt32());
    }

    [Fact]
    public async Task The_pilot_gate_refuses_with_every_missing_condition_in_japanese_and_english()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await lab.Advance(id, "research");
        var body = new { toStage = "pilot", rationale = "実証に進みたい。", evidence = Array.Empty<string>() };

        using var ja = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/advance", body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ideas/{id}/advance") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var en = await lab.Facilitator.SendAsync(request);
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");

        var jaProblem = await AccountApi.Problem(ja, HttpStatusCode.Conflict, "gateNotMet");
        var jaMissing = jaProblem.GetProperty("missing").EnumerateArray().ToArray();
        Assert.Equal(["operatorRequired", "kpiRequired"], jaMissing.Select(m => m.GetProperty("code").GetString()));
        Assert.Equal(["operator", "kpis"], jaMissing.Select(m => m.GetProperty("field").GetString()));
        Assert.Contains("運営者", jaMissing[0].GetProperty("detail").GetString());
        Assert.Contains("KPI", jaMissing[1].GetProperty("detail").GetString());
        Assert.Contains("条件", jaProblem.GetProperty("detail").GetString());
        var enMissing = (await AccountApi.Problem(en, HttpStatusCode.Conflict, "gateNotMet")).GetProperty("missing").EnumerateArray().ToArray();
        Assert.Equal("Entering the pilot needs an operator: the town or a partner company accepted on this idea.", enMissing[0].GetProperty("detail").GetString());
        Assert.Equal("At least one KPI is needed.", enMissing[1].GetProperty("detail").GetString());
        Assert.Equal("research", idea.GetProperty("stage").GetString());
        var gate = idea.GetProperty("nextGate").EnumerateArray().ToArray();
        Assert.Equal(["operatorRequired", "kpiRequired"], gate.Select(c => c.GetProperty("code").GetString()));
        Assert.All(gate, c => Assert.False(c.GetProperty("met").GetBoolean()));
    }

    [Fact]
    public async Task An_incomplete_kpi_is_named_with_its_missing_fields()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await lab.Advance(id, "research");
        using var op = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/operator", new { @operator = "town" });
        using var kpi = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/kpis", new { name = "利用者数", unit = "人" });

        using var refused = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/advance", new { toStage = "pilot", rationale = "実証へ" });

        Assert.Equal(HttpStatusCode.OK, op.StatusCode);
        Assert.Equal("town", (await AccountApi.Json(op)).GetProperty("operator").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
        var missing = Assert.Single((await AccountApi.Problem(refused, HttpStatusCode.Conflict, "gateNotMet")).GetProperty("missing").EnumerateArray());
        Assert.Equal("kpiIncomplete", missing.GetProperty("code").GetString());
        Assert.Equal("利用者数", missing.GetProperty("values").GetProperty("kpiName").GetString());
        Assert.Equal("KPI「利用者数」に未入力の項目があります（基準値、目標値）。", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task From_research_to_rollout_with_a_partner_kpis_and_measurements()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await lab.Advance(id, "research");

        // A partner applies; the application is private until a facilitator decides.
        var applicationId = await lab.Apply(id);
        var seenByPublic = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");
        var seenByResident = await Lab.GetJson(lab.Resident, $"/api/ideas/{id}");
        var seenByStaff = await Lab.GetJson(lab.Facilitator, $"/api/ideas/{id}");
        var seenByApplicant = await Lab.GetJson(lab.Partner, $"/api/ideas/{id}");
        Assert.Empty(seenByPublic.GetProperty("applications").EnumerateArray());
        Assert.Empty(seenByResident.GetProperty("applications").EnumerateArray());
        var pending = Assert.Single(seenByStaff.GetProperty("applications").EnumerateArray());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal("とびしまモビリティ株式会社", pending.GetProperty("partner").GetProperty("name").GetString());
        Assert.Single(seenByApplicant.GetProperty("applications").EnumerateArray());

        using var accepted = await lab.Facilitator.PostAsync($"/api/ideas/{id}/partner-applications/{applicationId}/accept", null);
        using var decidedAgain = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/partner-applications/{applicationId}/decline", new { reason = "やはり" });
        Assert.Equal("accepted", (await AccountApi.Json(accepted)).GetProperty("status").GetString());
        await AccountApi.Problem(decidedAgain, HttpStatusCode.Conflict, "alreadyDecided");

        // The accepted partner runs the pilot.
        using var op = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/operator", new { @operator = lab.PartnerId });
        var withOperator = await AccountApi.Json(op);
        Assert.Equal("partner", withOperator.GetProperty("operator").GetProperty("kind").GetString());
        Assert.Equal(lab.PartnerId, withOperator.GetProperty("operator").GetProperty("partner").GetProperty("id").GetString());
        Assert.Equal("とびしまモビリティ株式会社", withOperator.GetProperty("operator").GetProperty("partner").GetProperty("name").GetString());
        Assert.Equal([lab.PartnerId], withOperator.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        var orders = await lab.AddKpi(id, "注文件数");
        var gate = (await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}")).GetProperty("nextGate").EnumerateArray().ToArray();
        Assert.All(gate, c => Assert.True(c.GetProperty("met").GetBoolean()));
        Assert.Equal("運営者が決まっています。", gate[0].GetProperty("detail").GetString());
        await lab.Advance(id, "pilot");

        // Measurements: by the accepted partner, not by a resident; dates are yyyy-MM-dd.
        using var measured = await lab.Partner.PostAsJsonAsync($"/api/ideas/{id}/kpis/{orders}/measurements", new { value = 42.5, date = Past(10), note = "先月分" });
        using var byResident = await lab.Resident.PostAsJsonAsync($"/api/ideas/{id}/kpis/{orders}/measurements", new { value = 1, date = Past(10) });
        using var badDate = await lab.Partner.PostAsJsonAsync($"/api/ideas/{id}/kpis/{orders}/measurements", new { value = 1, date = "31/01/2026" });
        Assert.Equal(HttpStatusCode.Created, measured.StatusCode);
        var measurement = await AccountApi.Json(measured);
        Assert.Equal(42.5m, measurement.GetProperty("value").GetDecimal());
        Assert.Equal(Past(10), measurement.GetProperty("date").GetString());
        Assert.Equal("飛島 次郎", measurement.GetProperty("recordedBy").GetProperty("displayName").GetString());
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("date", (await AccountApi.Problem(badDate, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());

        await lab.Advance(id, "servicePlanning");

        // Rollout needs a measurement of every KPI: a second KPI without one holds it back.
        var riders = await lab.AddKpi(id, "利用者数");
        using var refused = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/advance", new { toStage = "rollout", rationale = "展開へ" });
        var missing = Assert.Single((await AccountApi.Problem(refused, HttpStatusCode.Conflict, "gateNotMet")).GetProperty("missing").EnumerateArray());
        Assert.Equal("kpiMeasurementMissing", missing.GetProperty("code").GetString());
        Assert.Equal(riders, missing.GetProperty("values").GetProperty("kpiId").GetString());
        Assert.Equal("KPI「利用者数」の測定値を1件以上記録する必要があります。", missing.GetProperty("detail").GetString());

        using var second = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/kpis/{riders}/measurements", new { value = 30, date = Past(1) });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await lab.Advance(id, "rollout");

        var done = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");
        Assert.Equal("rollout", done.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("nextStage").ValueKind);
        var kpis = done.GetProperty("kpis").EnumerateArray().ToArray();
        Assert.Equal(["注文件数", "利用者数"], kpis.Select(k => k.GetProperty("name").GetString()));
        Assert.Equal(120m, kpis[0].GetProperty("target").GetDecimal());
        Assert.Equal(42.5m, Assert.Single(kpis[0].GetProperty("measurements").EnumerateArray()).GetProperty("value").GetDecimal());
        var application = Assert.Single(done.GetProperty("applications").EnumerateArray());
        Assert.Equal("accepted", application.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Moves_are_one_stage_at_a_time_with_a_rationale_and_known_stage_names()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        var url = $"/api/ideas/{id}/advance";

        using var unknown = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "Pilot", rationale = "x" });
        using var missingStage = await lab.Facilitator.PostAsJsonAsync(url, new { rationale = "x" });
        using var skip = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "pilot", rationale = "飛ばしたい" });
        using var same = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "discovery", rationale = "そのまま" });
        using var noRationale = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "research", rationale = " " });
        using var badEvidence = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "research", rationale = "調査へ", evidence = new[] { "javascript:alert(1)" } });
        using var everythingWrong = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "research", rationale = "", evidence = new[] { "ftp://x", "https://ok.example/", "http://" } });
        using var byResident = await lab.Resident.PostAsJsonAsync(url, new { toStage = "research", rationale = "調査へ" });
        await lab.Advance(id, "research");
        using var back = await lab.Facilitator.PostAsJsonAsync(url, new { toStage = "discovery", rationale = "課題をもう一度整理する" });

        Assert.Equal("toStage", (await AccountApi.Problem(unknown, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        Assert.Equal("toStage", (await AccountApi.Problem(missingStage, HttpStatusCode.BadRequest, "required")).GetProperty("field").GetString());
        await AccountApi.Problem(skip, HttpStatusCode.Conflict, "notAdjacentStage");
        await AccountApi.Problem(same, HttpStatusCode.Conflict, "sameStage");
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEvidence.StatusCode);
        var all = (await AccountApi.Problem(everythingWrong, HttpStatusCode.BadRequest, "required")).GetProperty("missing").EnumerateArray().ToArray();
        Assert.Equal(["required", "invalidUrl", "invalidUrl"], all.Select(m => m.GetProperty("code").GetString()));
        Assert.Equal(["rationale", "evidence", "evidence"], all.Select(m => m.GetProperty("field").GetString()));
        Assert.Equal(["0", "2"], all.Skip(1).Select(m => m.GetProperty("values").GetProperty("index").GetString()));
        Assert.Equal("「判断理由」を入力してください。", all[0].GetProperty("detail").GetString());
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("discovery", (await AccountApi.Json(back)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_closed_idea_keeps_its_stage_and_reopens_in_place()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();
        await lab.Advance(id, "research");
        var url = $"/api/ideas/{id}/close";

        using var noReason = await lab.Facilitator.PostAsJsonAsync(url, new { status = "declined" });
        using var unknown = await lab.Facilitator.PostAsJsonAsync(url, new { status = "closed", reason = "r" });
        using var open = await lab.Facilitator.PostAsJsonAsync(url, new { status = "open", reason = "r" });
        using var held = await lab.Facilitator.PostAsJsonAsync(url, new { status = "onHold", reason = "来年度の予算を待ちます。" });
        using var heldAgain = await lab.Facilitator.PostAsJsonAsync(url, new { status = "onHold", reason = "まだ待ちます。" });
        using var moveWhileClosed = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/advance", new { toStage = "pilot", rationale = "進めたい" });
        var closed = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");
        await lab.Advance(id, "research");
        var reopened = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");

        Assert.Equal("reason", (await AccountApi.Problem(noReason, HttpStatusCode.BadRequest, "required")).GetProperty("field").GetString());
        Assert.Equal("status", (await AccountApi.Problem(unknown, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        // "open" is a status, but not one to close with: the same answer as any other wrong value, with the allowed ones.
        var notAClosingStatus = await AccountApi.Problem(open, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal("status", notAClosingStatus.GetProperty("field").GetString());
        Assert.Contains("declined, onHold", notAClosingStatus.GetProperty("detail").GetString());
        Assert.Equal("onHold", (await AccountApi.Json(held)).GetProperty("status").GetString());
        await AccountApi.Problem(heldAgain, HttpStatusCode.Conflict, "sameStatus");
        await AccountApi.Problem(moveWhileClosed, HttpStatusCode.Conflict, "ideaClosed");
        Assert.Equal("research", closed.GetProperty("stage").GetString());
        Assert.Equal("来年度の予算を待ちます。", closed.GetProperty("statusReason").GetString());
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal("research", reopened.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Partners_apply_only_while_the_idea_welcomes_them_and_only_accepted_partners_can_operate()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewIdea();

        using var tooEarly = await lab.Partner.PostAsJsonAsync($"/api/ideas/{id}/partner-applications", new { proposal = "参加したい" });
        await lab.Advance(id, "research");
        using var notAccepted = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/operator", new { @operator = lab.PartnerId });
        using var garbage = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/operator", new { @operator = "Town Hall" });
        using var byResident = await lab.Resident.PostAsJsonAsync($"/api/ideas/{id}/partner-applications", new { proposal = "参加したい" });
        var applicationId = await lab.Apply(id);
        using var declineNoReason = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/partner-applications/{applicationId}/decline", new { });
        using var declined = await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/partner-applications/{applicationId}/decline", new { reason = "今回は町の直営で進めます。" });
        var publicView = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{id}");
        var applicantView = await Lab.GetJson(lab.Partner, $"/api/ideas/{id}");

        await AccountApi.Problem(tooEarly, HttpStatusCode.Conflict, "notAcceptingPartners");
        await AccountApi.Problem(notAccepted, HttpStatusCode.Conflict, "partnerNotAccepted");
        Assert.Equal("operator", (await AccountApi.Problem(garbage, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("reason", (await AccountApi.Problem(declineNoReason, HttpStatusCode.BadRequest, "required")).GetProperty("field").GetString());
        Assert.Equal("declined", (await AccountApi.Json(declined)).GetProperty("status").GetString());
        Assert.Empty(publicView.GetProperty("applications").EnumerateArray());
        Assert.Empty(publicView.GetProperty("partners").EnumerateArray());
        Assert.Equal("今回は町の直営で進めます。", Assert.Single(applicantView.GetProperty("applications").EnumerateArray()).GetProperty("decisionReason").GetString());
    }

    [Fact]
    public async Task Idea_comments_follow_the_same_rules_as_challenge_comments()
    {
        await using var lab = await Lab.StartAsync();
        var item = $"/api/ideas/{await lab.NewIdea()}";
        var commentId = await Lab.Comment(lab.Resident, item, "島の高齢者にも使いやすくしてほしい");
        await Lab.Comment(lab.Partner, item, "画面を大きな文字にします。", parentId: commentId);

        using var hidden = await lab.Facilitator.PostAsJsonAsync($"{item}/comments/{commentId}/hide", new { reason = "テスト" });
        using var follow = await lab.Resident.PostAsync($"{item}/follow", null);
        var thread = await Lab.GetJson(lab.Anonymous, $"{item}/comments");

        Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.True((await Lab.GetJson(lab.Resident, item)).GetProperty("followedByMe").GetBoolean());
        Assert.Equal(2, thread.GetProperty("total").GetInt32());
        Assert.DoesNotContain("島の高齢者", await Lab.GetText(lab.Anonymous, $"{item}/comments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_malformed_idea_ids_answer_404()
    {
        await using var lab = await Lab.StartAsync();

        foreach (var id in new[] { "0123456789abcdef", "UPPER", "x.y" })
        {
            await AccountApi.Problem(await lab.Anonymous.GetAsync($"/api/ideas/{id}"), HttpStatusCode.NotFound, "notFound");
            await AccountApi.Problem(await lab.Resident.PostAsync($"/api/ideas/{id}/votes", null), HttpStatusCode.NotFound, "notFound");
            await AccountApi.Problem(await lab.Facilitator.PostAsJsonAsync($"/api/ideas/{id}/advance", new { toStage = "research", rationale = "r" }),
                HttpStatusCode.NotFound, "notFound");
        }
    }

    private static string Past(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
