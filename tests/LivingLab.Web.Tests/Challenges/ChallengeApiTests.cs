using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Challenges;

public sealed class ChallengeApiTests
{
    [Fact]
    public async Task A_resident_posts_a_challenge_and_anyone_reads_it_with_the_author_by_name()
    {
        await using var lab = await Lab.StartAsync();

        using var posted = await lab.Resident.PostAsJsonAsync("/api/challenges", Lab.ChallengeBody());
        var created = await AccountApi.Json(posted);
        var id = created.GetProperty("id").GetString()!;
        var read = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal($"/api/challenges/{id}", posted.Headers.Location?.OriginalString);
        Assert.Equal("駅前の駐輪場が足りない", read.GetProperty("title").GetString());
        Assert.Equal("transport", read.GetProperty("category").GetString());
        Assert.Equal("酒田駅前", read.GetProperty("place").GetProperty("text").GetString());
        Assert.Equal(38.9145, read.GetProperty("place").GetProperty("latitude").GetDouble());
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.Equal(lab.PersonId(Role.Resident), read.GetProperty("author").GetProperty("id").GetString());
        Assert.Equal("酒田 花子", read.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal(0, read.GetProperty("supportCount").GetInt32());
        Assert.False(read.GetProperty("supportedByMe").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("proxy").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("mergedIntoId").ValueKind);
    }

    [Fact]
    public async Task Support_counts_once_per_person_and_can_be_withdrawn()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();
        var (neighbour, _) = await lab.NewResident("鳥海 一郎");

        var first = await AccountApi.Json(await neighbour.PostAsync($"/api/challenges/{id}/support", null));
        using var again = await neighbour.PostAsync($"/api/challenges/{id}/support", null);
        var seenBySupporter = await Lab.GetJson(neighbour, $"/api/challenges/{id}");
        var seenByOthers = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}");
        var withdrawn = await AccountApi.Json(await neighbour.DeleteAsync($"/api/challenges/{id}/support"));
        using var withdrawnAgain = await neighbour.DeleteAsync($"/api/challenges/{id}/support");

        Assert.Equal(1, first.GetProperty("supportCount").GetInt32());
        await AccountApi.Problem(again, HttpStatusCode.Conflict, "alreadySupported");
        Assert.True(seenBySupporter.GetProperty("supportedByMe").GetBoolean());
        Assert.Equal(1, seenByOthers.GetProperty("supportCount").GetInt32());
        Assert.False(seenByOthers.GetProperty("supportedByMe").GetBoolean());
        Assert.Equal(0, withdrawn.GetProperty("supportCount").GetInt32());
        await AccountApi.Problem(withdrawnAgain, HttpStatusCode.Conflict, "notSupported");
    }

    [Fact]
    public async Task Following_shows_as_followed_by_me_and_repeating_either_way_is_fine()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();

        using var follow = await lab.Resident.PostAsync($"/api/challenges/{id}/follow", null);
        using var followAgain = await lab.Resident.PostAsync($"/api/challenges/{id}/follow", null);
        var following = await Lab.GetJson(lab.Resident, $"/api/challenges/{id}");
        using var unfollow = await lab.Resident.DeleteAsync($"/api/challenges/{id}/follow");
        using var unfollowAgain = await lab.Resident.DeleteAsync($"/api/challenges/{id}/follow");
        var after = await Lab.GetJson(lab.Resident, $"/api/challenges/{id}");

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent],
            new[] { follow.StatusCode, followAgain.StatusCode, unfollow.StatusCode, unfollowAgain.StatusCode });
        Assert.True(following.GetProperty("followedByMe").GetBoolean());
        Assert.False(after.GetProperty("followedByMe").GetBoolean());
    }

    [Fact]
    public async Task A_thread_takes_comments_and_replies_but_not_replies_to_replies()
    {
        await using var lab = await Lab.StartAsync();
        var item = $"/api/challenges/{await lab.NewChallenge()}";
        var (neighbour, neighbourId) = await lab.NewResident("鳥海 一郎");

        var commentId = await Lab.Comment(lab.Resident, item, "駐輪場の場所を地図で示します。");
        var replyId = await Lab.Comment(neighbour, item, "私も同じ意見です。", parentId: commentId);
        using var replyToReply = await lab.Resident.PostAsJsonAsync($"{item}/comments", new { body = "ありがとうございます。", parentId = replyId });
        var thread = await Lab.GetJson(lab.Anonymous, $"{item}/comments");

        Assert.Equal(HttpStatusCode.BadRequest, replyToReply.StatusCode);
        Assert.Equal("parentId", (await AccountApi.Json(replyToReply)).GetProperty("field").GetString());
        var items = thread.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(2, thread.GetProperty("total").GetInt32());
        Assert.Equal([commentId, replyId], items.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(commentId, items[1].GetProperty("parentId").GetString());
        Assert.Equal(neighbourId, items[1].GetProperty("author").GetProperty("id").GetString());
        Assert.Equal("鳥海 一郎", items[1].GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("visible", items[0].GetProperty("status").GetString());
        Assert.Equal(2, (await Lab.GetJson(lab.Anonymous, item)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task The_author_edits_a_comment_within_15_minutes_and_not_after()
    {
        await using var lab = await Lab.StartAsync();
        var item = $"/api/challenges/{await lab.NewChallenge()}";
        var commentId = await Lab.Comment(lab.Resident, item, "駐輪場がたりない");

        using var edited = await lab.Resident.PatchAsJsonAsync($"{item}/comments/{commentId}", new { body = "駐輪場が足りない" });
        using var byOther = await lab.Partner.PatchAsJsonAsync($"{item}/comments/{commentId}", new { body = "書き換え" });
        lab.Clock.Advance(TimeSpan.FromMinutes(16));
        using var late = await lab.Resident.PatchAsJsonAsync($"{item}/comments/{commentId}", new { body = "遅すぎる編集" });
        var comment = (await Lab.GetJson(lab.Anonymous, $"{item}/comments")).GetProperty("items")[0];

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("駐輪場が足りない", (await AccountApi.Json(edited)).GetProperty("body").GetString());
        await AccountApi.Problem(byOther, HttpStatusCode.Forbidden, "forbidden");
        await AccountApi.Problem(late, HttpStatusCode.Conflict, "editWindowClosed");
        Assert.Equal("駐輪場が足りない", comment.GetProperty("body").GetString());
        Assert.NotEqual(JsonValueKind.Null, comment.GetProperty("edited").ValueKind);
    }

    [Fact]
    public async Task A_facilitator_hides_a_comment_with_a_reason_and_its_text_leaves_every_public_response()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();
        var item = $"/api/challenges/{id}";
        const string secret = "隣の山田さんの電話番号は0234-99-9999です";
        var commentId = await Lab.Comment(lab.Resident, item, secret);

        using var noReason = await lab.Facilitator.PostAsJsonAsync($"{item}/comments/{commentId}/hide", new { reason = "" });
        using var byResident = await lab.Resident.PostAsJsonAsync($"{item}/comments/{commentId}/hide", new { reason = "自分で" });
        using var hidden = await lab.Facilitator.PostAsJsonAsync($"{item}/comments/{commentId}/hide", new { reason = "個人情報が含まれていたため" });
        var publicBodies = new[]
        {
            await Lab.GetText(lab.Anonymous, $"{item}/comments"),
            await Lab.GetText(lab.Resident, $"{item}/comments"),
            await Lab.GetText(lab.Partner, $"{item}/comments"),
            await Lab.GetText(lab.Anonymous, item),
        };
        var publicComment = (await Lab.GetJson(lab.Anonymous, $"{item}/comments")).GetProperty("items")[0];
        var moderatorComment = (await Lab.GetJson(lab.Facilitator, $"{item}/comments")).GetProperty("items")[0];

        await AccountApi.Problem(noReason, HttpStatusCode.BadRequest, "required");
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        Assert.All(publicBodies, body => Assert.DoesNotContain("山田さん", body, StringComparison.Ordinal));
        Assert.Equal("hidden", publicComment.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, publicComment.GetProperty("body").ValueKind);
        Assert.Equal("個人情報が含まれていたため", publicComment.GetProperty("hiddenReason").GetString());
        Assert.Equal(secret, moderatorComment.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Deleting_a_comment_keeps_its_place_without_its_text()
    {
        await using var lab = await Lab.StartAsync();
        var item = $"/api/challenges/{await lab.NewChallenge()}";
        var commentId = await Lab.Comment(lab.Resident, item, "消す予定のコメント");

        using var byOther = await lab.Partner.DeleteAsync($"{item}/comments/{commentId}");
        using var deleted = await lab.Resident.DeleteAsync($"{item}/comments/{commentId}");
        var thread = await Lab.GetText(lab.Anonymous, $"{item}/comments");
        var comment = (await Lab.GetJson(lab.Anonymous, $"{item}/comments")).GetProperty("items")[0];

        await AccountApi.Problem(byOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain("消す予定", thread, StringComparison.Ordinal);
        Assert.Equal("deleted", comment.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accepting_a_challenge_creates_an_idea_in_discovery_linked_both_ways()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();

        using var accepted = await lab.Facilitator.PostAsync($"/api/challenges/{id}/accept", null);
        var ideaId = (await AccountApi.Json(accepted)).GetProperty("ideaId").GetString()!;
        using var again = await lab.Facilitator.PostAsync($"/api/challenges/{id}/accept", null);
        var challenge = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}");
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{ideaId}");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("accepted", challenge.GetProperty("status").GetString());
        Assert.Equal(ideaId, challenge.GetProperty("ideaId").GetString());
        Assert.Equal("discovery", idea.GetProperty("stage").GetString());
        Assert.Equal("open", idea.GetProperty("status").GetString());
        Assert.Equal("駅前の駐輪場が足りない", idea.GetProperty("title").GetString());
        Assert.Equal([id], idea.GetProperty("challengeIds").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_second_challenge_accepted_into_an_existing_idea_joins_it()
    {
        await using var lab = await Lab.StartAsync();
        var first = await lab.NewChallenge();
        var second = await lab.NewChallenge(body: Lab.ChallengeBody(title: "駅の駐輪場が朝いっぱい"));
        var ideaId = (await AccountApi.Json(await lab.Facilitator.PostAsync($"/api/challenges/{first}/accept", null))).GetProperty("ideaId").GetString()!;

        using var joined = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{second}/accept", new { ideaId });
        using var unknownIdea = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{await lab.NewChallenge()}/accept", new { ideaId = "NOT AN ID" });
        var idea = await Lab.GetJson(lab.Anonymous, $"/api/ideas/{ideaId}");

        Assert.Equal(ideaId, (await AccountApi.Json(joined)).GetProperty("ideaId").GetString());
        await AccountApi.Problem(unknownIdea, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(new[] { first, second }.Order(), idea.GetProperty("challengeIds").EnumerateArray().Select(c => c.GetString()).Order());
    }

    [Fact]
    public async Task Merging_keeps_each_supporter_once_and_every_comment_and_the_duplicate_points_to_the_merged_one()
    {
        await using var lab = await Lab.StartAsync();
        var duplicate = await lab.NewChallenge(body: Lab.ChallengeBody(title: "駅の駐輪場が満車"));
        var original = await lab.NewChallenge();
        var (both, _) = await lab.NewResident("両方 応援");
        var (onlyDuplicate, _) = await lab.NewResident("重複 だけ");
        foreach (var (client, challenge) in new[] { (both, duplicate), (both, original), (onlyDuplicate, duplicate), (lab.Partner, original) })
        {
            using var supported = await client.PostAsync($"/api/challenges/{challenge}/support", null);
            Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        }

        await Lab.Comment(both, $"/api/challenges/{duplicate}", "重複側のコメント");
        var onOriginal = await Lab.Comment(lab.Resident, $"/api/challenges/{original}", "元の課題のコメント");

        using var merged = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{duplicate}/merge", new { intoId = original });
        using var mergedAgain = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{duplicate}/merge", new { intoId = original });
        var target = await Lab.GetJson(both, $"/api/challenges/{original}");
        var redirect = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{duplicate}");
        var comments = (await Lab.GetJson(lab.Anonymous, $"/api/challenges/{original}/comments")).GetProperty("items").EnumerateArray().ToArray();
        using var supportMerged = await lab.Resident.PostAsync($"/api/challenges/{duplicate}/support", null);

        Assert.Equal(HttpStatusCode.NoContent, merged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mergedAgain.StatusCode);
        Assert.Equal(3, target.GetProperty("supportCount").GetInt32());
        Assert.True(target.GetProperty("supportedByMe").GetBoolean());
        Assert.Equal("merged", redirect.GetProperty("status").GetString());
        Assert.Equal(original, redirect.GetProperty("mergedIntoId").GetString());
        Assert.Equal(["元の課題のコメント", "重複側のコメント"], comments.Select(c => c.GetProperty("body").GetString()));
        Assert.Equal(onOriginal, comments[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, comments[0].GetProperty("mergedFrom").ValueKind);
        Assert.Equal(duplicate, comments[1].GetProperty("mergedFrom").GetString());
        Assert.Equal("両方 応援", comments[1].GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal(2, target.GetProperty("commentCount").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, supportMerged.StatusCode);
    }

    [Fact]
    public async Task Merging_needs_another_existing_challenge()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();

        using var none = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/merge", new { intoId = (string?)null });
        using var garbage = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/merge", new { intoId = "../etc/passwd" });
        using var itself = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/merge", new { intoId = id });
        using var missing = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/merge", new { intoId = "0123456789abcdef" });

        Assert.Equal("intoId", (await AccountApi.Problem(none, HttpStatusCode.BadRequest, "required")).GetProperty("field").GetString());
        Assert.Equal("intoId", (await AccountApi.Problem(garbage, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        Assert.True(itself.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{itself.StatusCode}");
        Assert.True(missing.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{missing.StatusCode}");
        Assert.Equal("open", (await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_then_stays_public()
    {
        await using var lab = await Lab.StartAsync();
        var id = await lab.NewChallenge();

        using var noBody = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/decline", new { });
        using var blank = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/decline", new { reason = "   " });
        using var declined = await lab.Facilitator.PostAsJsonAsync($"/api/challenges/{id}/decline", new { reason = "県道のため、山形県に伝えました。" });
        var read = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}");

        var problem = await AccountApi.Problem(noBody, HttpStatusCode.BadRequest, "required");
        Assert.Equal("reason", problem.GetProperty("field").GetString());
        Assert.Equal("「理由」を入力してください。", problem.GetProperty("detail").GetString());
        await AccountApi.Problem(blank, HttpStatusCode.BadRequest, "required");
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        Assert.Equal("declined", read.GetProperty("status").GetString());
        Assert.Equal("県道のため、山形県に伝えました。", read.GetProperty("declineReason").GetString());
    }

    [Fact]
    public async Task A_facilitator_enters_a_challenge_for_a_resident_and_the_proxy_entry_is_public()
    {
        await using var lab = await Lab.StartAsync();
        var body = new { title = "バス停にベンチがほしい", body = "窓口で伺いました。", category = "transport", channel = "counter", onBehalfOf = "70代の住民" };

        using var entered = await lab.Facilitator.PostAsJsonAsync("/api/challenges/proxy", body);
        using var byResident = await lab.Resident.PostAsJsonAsync("/api/challenges/proxy", body);
        using var badChannel = await lab.Facilitator.PostAsJsonAsync("/api/challenges/proxy", body with { channel = "fax" });
        using var noChannel = await lab.Facilitator.PostAsJsonAsync("/api/challenges/proxy", body with { channel = "" });
        var id = (await AccountApi.Json(entered)).GetProperty("id").GetString()!;
        var read = await Lab.GetJson(lab.Anonymous, $"/api/challenges/{id}");

        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        await AccountApi.Problem(byResident, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("channel", (await AccountApi.Problem(badChannel, HttpStatusCode.BadRequest, "invalidValue")).GetProperty("field").GetString());
        Assert.Equal("channel", (await AccountApi.Problem(noChannel, HttpStatusCode.BadRequest, "required")).GetProperty("field").GetString());
        Assert.Equal("counter", read.GetProperty("proxy").GetProperty("channel").GetString());
        Assert.Equal("70代の住民", read.GetProperty("proxy").GetProperty("onBehalfOf").GetString());
    }

    [Fact]
    public async Task Field_rules_answer_400_with_the_field_in_japanese_or_english()
    {
        await using var lab = await Lab.StartAsync();

        using var noTitle = await lab.Resident.PostAsJsonAsync("/api/challenges", new { title = "", body = "本文", category = "transport" });
        using var badCategory = await lab.Resident.PostAsJsonAsync("/api/challenges", new { title = "題", body = "本文", category = "weather" });
        using var halfPoint = await lab.Resident.PostAsJsonAsync("/api/challenges", new { title = "題", body = "本文", category = "transport", place = new { latitude = 38.9 } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/challenges") { Content = JsonContent.Create(new { title = "題", body = "本文", category = "transport", place = new { latitude = 91, longitude = 0 } }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var farNorth = await lab.Resident.SendAsync(request);

        var title = await AccountApi.Problem(noTitle, HttpStatusCode.BadRequest, "required");
        Assert.Equal("title", title.GetProperty("field").GetString());
        Assert.Equal("「タイトル」を入力してください。", title.GetProperty("detail").GetString());
        Assert.Equal("category", (await AccountApi.Problem(badCategory, HttpStatusCode.BadRequest, "unknownCategory")).GetProperty("field").GetString());
        Assert.Equal("place.longitude", (await AccountApi.Problem(halfPoint, HttpStatusCode.BadRequest, "incompletePoint")).GetProperty("field").GetString());
        var range = await AccountApi.Problem(farNorth, HttpStatusCode.BadRequest, "outOfRange");
        Assert.Equal("place.latitude", range.GetProperty("field").GetString());
        Assert.Equal("Latitude is out of range.", range.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unreadable_or_mistyped_json_is_a_400_problem()
    {
        await using var lab = await Lab.StartAsync();

        using var broken = await lab.Resident.PostAsync("/api/challenges", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        using var wrongType = await lab.Resident.PostAsync("/api/challenges", new StringContent("{\"title\": 5, \"body\": [], \"category\": {}}", Encoding.UTF8, "application/json"));
        using var wrongPlace = await lab.Resident.PostAsync("/api/challenges",
            new StringContent("{\"title\": \"t\", \"body\": \"b\", \"category\": \"transport\", \"place\": {\"latitude\": \"north\"}}", Encoding.UTF8, "application/json"));
        using var form = await lab.Resident.PostAsync("/api/challenges", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "t" }));

        await AccountApi.Problem(broken, HttpStatusCode.BadRequest, "badRequest");
        await AccountApi.Problem(wrongType, HttpStatusCode.BadRequest, "badRequest");
        await AccountApi.Problem(wrongPlace, HttpStatusCode.BadRequest, "badRequest");
        await AccountApi.Problem(form, HttpStatusCode.UnsupportedMediaType, "unsupportedMediaType");
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_answer_404()
    {
        await using var lab = await Lab.StartAsync();

        foreach (var id in new[] { "0123456789abcdef", "NOT-LOWER", "a%20b", new string('a', 65) })
        {
            using var get = await lab.Anonymous.GetAsync($"/api/challenges/{id}");
            using var comments = await lab.Anonymous.GetAsync($"/api/challenges/{id}/comments");
            using var support = await lab.Resident.PostAsync($"/api/challenges/{id}/support", null);
            using var accept = await lab.Facilitator.PostAsync($"/api/challenges/{id}/accept", null);

            await AccountApi.Problem(get, HttpStatusCode.NotFound, "notFound");
            await AccountApi.Problem(comments, HttpStatusCode.NotFound, "notFound");
            await AccountApi.Problem(support, HttpStatusCode.NotFound, "notFound");
            await AccountApi.Problem(accept, HttpStatusCode.NotFound, "notFound");
        }
    }

    [Fact]
    public async Task A_repeated_idempotency_key_answers_with_the_first_challenge()
    {
        await using var lab = await Lab.StartAsync();

        async Task<(HttpStatusCode Status, string Id)> Post(HttpClient client, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/challenges") { Content = JsonContent.Create(Lab.ChallengeBody()) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, (await AccountApi.Json(response)).GetProperty("id").GetString()!);
        }

        var first = await Post(lab.Resident, "form-1");
        var repeat = await Post(lab.Resident, "form-1");
        var other = await Post(lab.Resident, "form-2");
        var otherPerson = await Post(lab.Partner, "form-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.OK, first.Id), repeat);
        Assert.Equal(HttpStatusCode.Created, other.Status);
        Assert.Equal(HttpStatusCode.Created, otherPerson.Status);
        Assert.Equal(3, new[] { first.Id, other.Id, otherPerson.Id }.Distinct().Count());
    }

    [Fact]
    public async Task One_idempotency_key_sent_to_posting_and_to_proxy_entry_makes_two_challenges()
    {
        await using var lab = await Lab.StartAsync();

        async Task<(HttpStatusCode Status, string Id)> Post(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "counter-form-7");
            using var response = await lab.Facilitator.SendAsync(request);
            return (response.StatusCode, (await AccountApi.Json(response)).GetProperty("id").GetString()!);
        }

        var own = await Post("/api/challenges", Lab.ChallengeBody());
        var proxy = await Post("/api/challenges/proxy", new { title = "バス停にベンチがほしい", body = "窓口で伺いました。", category = "transport", channel = "counter", onBehalfOf = "80代の住民" });

        Assert.Equal(HttpStatusCode.Created, own.Status);
        Assert.Equal(HttpStatusCode.Created, proxy.Status);
        Assert.NotEqual(own.Id, proxy.Id);
    }
}
