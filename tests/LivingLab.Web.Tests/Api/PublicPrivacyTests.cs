using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Partners;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Api;

public sealed partial class PublicPrivacyTests
{
    private const string HiddenText = "山田さんの携帯は090-1234-5678";

    // Someone staff registered for a workshop: their name and contact are for staff only.
    private const string OfflineName = "佐藤 ハナ";
    private const string OfflineContact = "0234-95-1111";

    // A guest on the live board: the nickname is for the room's participants and staff only.
    private const string GuestNickname = "ゲストのミドリ";

    [Fact]
    public async Task No_public_get_shows_an_email_a_partner_contact_or_a_hidden_comments_text()
    {
        await using var lab = await Lab.StartAsync();
        var challengeId = await lab.NewChallenge();
        var challenge = $"/api/challenges/{challengeId}";
        var hiddenId = await Lab.Comment(lab.Resident, challenge, HiddenText);
        await Lab.Comment(lab.Partner, challenge, "見える返信", parentId: hiddenId);
        using (var hidden = await lab.Facilitator.PostAsJsonAsync($"{challenge}/comments/{hiddenId}/hide", new { reason = "個人情報のため" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        }

        using (var proxy = await lab.Facilitator.PostAsJsonAsync("/api/challenges/proxy",
            new { title = "除雪をお願いしたい", body = "電話で受付", category = "safety", channel = "phone", onBehalfOf = "80代の住民" }))
        {
            Assert.Equal(HttpStatusCode.Created, proxy.StatusCode);
        }

        var ideaId = (await AccountApi.Json(await lab.Facilitator.PostAsync($"{challenge}/accept", null))).GetProperty("ideaId").GetString()!;
        var idea = $"/api/ideas/{ideaId}";
        await lab.Advance(ideaId, "research");
        await lab.Apply(ideaId);
        var ideaCommentId = await Lab.Comment(lab.Resident, idea, HiddenText);
        using (var hidden = await lab.Facilitator.PostAsJsonAsync($"{idea}/comments/{ideaCommentId}/hide", new { reason = "個人情報のため" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        }

        var workshopId = await lab.NewWorkshop(openDate: true, guestsAllowed: true);
        var slots = await lab.OpenPoll(workshopId);
        using (var offline = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{workshopId}/registrations", new { name = OfflineName, contact = OfflineContact }))
        {
            Assert.Equal(HttpStatusCode.Created, offline.StatusCode);
        }

        using (var answered = await lab.Resident.PostAsJsonAsync($"/api/workshops/{workshopId}/poll/answers", new { marks = new Dictionary<string, string> { [slots[0]] = "yes" } }))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        // The live board: an anonymous note's author, a guest's nickname and the room code are not for the public.
        var (boardWriter, boardWriterId) = await lab.NewResident("匿名で 書く人");
        using (var board = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{workshopId}/session", new { columns = new[] { "困りごと" } }))
        {
            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        }

        var staffBoard = await Lab.GetJson(lab.Facilitator, $"/api/workshops/{workshopId}/board");
        var roomCode = staffBoard.GetProperty("roomCode").GetString()!;
        var boardColumn = staffBoard.GetProperty("columns")[0].GetProperty("id").GetString()!;
        await Workshops.Board.BoardApi.Join(boardWriter, workshopId);
        await Workshops.Board.BoardApi.Note(boardWriter, workshopId, boardColumn, "言いにくいことを匿名で", anonymous: true);
        await GuestNote(lab, workshopId, roomCode, boardColumn);
        var boardSecrets = new[] { boardWriterId, roomCode, GuestNickname };

        var ids = new Dictionary<string, string>
        {
            ["challenges"] = challengeId,
            ["ideas"] = ideaId,
            ["partners"] = lab.PartnerId,
            ["workshops"] = workshopId,
        };
        var paths = PublicGetPaths(lab, ids);
        Assert.Contains(challenge, paths);
        Assert.Contains($"{idea}/comments", paths);
        Assert.Contains($"/api/workshops/{workshopId}/poll", paths);
        Assert.Contains($"/api/workshops/{workshopId}/board", paths);

        // Lists and timelines follow the writes a moment behind: bring them up to date, so the timelines exist and the
        // hides are applied, then still allow a moment before calling a leak a leak.
        await lab.CatchUpAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var leaks = await Leaks(lab, paths, boardSecrets);
            if (leaks.Count == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, string.Join("\n", leaks));
            await Task.Delay(200);
        }
    }

    // Every GET under /api that needs no sign-in, except the caller's own account, with route values filled from the
    // items made above. The staff-only ones (a workshop's registrations) are the authorization matrix's to check.
    private static List<string> PublicGetPaths(Lab lab, Dictionary<string, string> ids) =>
        lab.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/api/account/", StringComparison.Ordinal))
            .Select(p => Parameter().Replace(p, m => m.Groups[1].Value == "id" && ids.TryGetValue(p.Split('/')[2], out var id)
                ? id
                : throw new InvalidOperationException($"Say which value {m.Value} takes in {p}, so the privacy check covers it.")))
            .Distinct()
            .ToList();

    private static async Task<List<string>> Leaks(Lab lab, List<string> paths, IEnumerable<string> more)
    {
        var leaks = new List<string>();
        foreach (var client in new[] { lab.Anonymous, lab.Resident })
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
                var decoded = Lab.Readable(body);
                foreach (var secret in lab.Emails.Append(PartnerApi.SecretContact).Append(HiddenText).Append("090-1234-5678").Append(OfflineName).Append(OfflineContact).Concat(more))
                {
                    if (body.Contains(secret, StringComparison.OrdinalIgnoreCase) || decoded.Contains(secret, StringComparison.OrdinalIgnoreCase))
                    {
                        leaks.Add($"GET {path} shows {secret}");
                    }
                }
            }
        }

        return leaks;
    }

    // A guest joins through the board grain as nobody signed in (the join page is another feature) and posts a signed note.
    private static async Task GuestNote(Lab lab, string workshopId, string roomCode, string column)
    {
        var board = lab.Factory.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<LivingLab.Workshops.Board.IWorkshopBoardGrain>(workshopId);
        LivingLab.People.Caller.Clear();
        LivingLab.People.BoardGuest.Clear();
        var pass = await board.JoinAsGuestAsync(roomCode, GuestNickname);
        Assert.True(pass.Succeeded, pass.Rejection?.ToString());
        LivingLab.People.BoardGuest.Set(pass.Value!.GuestId);
        var note = await board.PostNoteAsync(new LivingLab.Workshops.Board.NoteInput(column, "ゲストとして書きます"));
        LivingLab.People.BoardGuest.Clear();
        Assert.True(note.Succeeded, note.Rejection?.ToString());
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
