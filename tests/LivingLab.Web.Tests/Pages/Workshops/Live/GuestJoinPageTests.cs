using System.Net;
using System.Net.Http.Json;
using LivingLab.People;
using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Challenges;
using LivingLab.Web.Tests.Workshops;
using LivingLab.Workshops.Board;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Pages.Workshops.Live;

/// <summary>Joining the live board as a guest through the plain forms: the room code, the nickname, the pass cookie.</summary>
public sealed class GuestJoinPageTests
{
    [Fact]
    public async Task A_wrong_room_code_is_refused_beside_the_field_in_the_pages_language()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestWorkshop(town);
        await OpenSession(town, id);
        var anonymous = town.Host.Anonymous();

        using var ja = await PageForms.Submit(anonymous, "/join", "room-code", new Dictionary<string, string?> { ["CodeForm.Code"] = "ZZZZZZ" });
        var jaPage = PageForms.Parse(await ja.Content.ReadAsStringAsync());
        Assert.Equal("ルームコードが違います。会場の画面のコードを確かめてください。", jaPage.QuerySelector("#join-code-error")!.TextContent.Trim());

        using var en = await PageForms.Submit(anonymous, "/join?culture=en", "room-code", new Dictionary<string, string?> { ["CodeForm.Code"] = "ZZZZZZ" });
        var enPage = PageForms.Parse(await en.Content.ReadAsStringAsync());
        Assert.Contains("room code", enPage.QuerySelector("#join-code-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ルームコード", enPage.QuerySelector("#join-code-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_code_leads_to_the_nickname_form_and_joining_sets_the_guest_pass_and_opens_the_live_board()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestWorkshop(town);
        var code = await OpenSession(town, id);
        var anonymous = town.Host.Anonymous();

        // Typed as people type it: small letters, a dash between the halves.
        using var found = await PageForms.Submit(anonymous, "/join", "room-code", new Dictionary<string, string?> { ["CodeForm.Code"] = $"{code[..3].ToLowerInvariant()}-{code[3..]}" });
        Assert.Equal($"/workshops/{id}/join?code={code}", ChallengePagesHost.Redirected(found));

        var (_, form) = await PageForms.Get(anonymous, $"/workshops/{id}/join?code={code}");
        Assert.Equal(code, form.QuerySelector("[data-testid=join-code]")!.GetAttribute("value"));
        using var joined = await PageForms.Submit(anonymous, form, $"/workshops/{id}/join?code={code}", "guest-join",
            new Dictionary<string, string?> { ["JoinForm.Nickname"] = "島のさくら" });
        Assert.Equal($"/workshops/{id}/live", ChallengePagesHost.Redirected(joined));
        var cookie = joined.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(GuestPasses.CookieName(id) + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("島のさくら", Uri.UnescapeDataString(cookie), StringComparison.Ordinal);

        // With the pass, the live page is the interactive one (the circuit's script loads) and does not ask to join.
        var (live, page) = await PageForms.Get(anonymous, $"/workshops/{id}/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=how-to-join]"));
        Assert.Contains(page.QuerySelectorAll("script"), s => (s.GetAttribute("src") ?? "").Contains("blazor.web", StringComparison.Ordinal));
        Assert.Equal("セッション中", page.QuerySelector("[data-testid=board-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Without_a_pass_the_live_page_explains_how_to_join_and_after_the_close_a_guest_is_refused()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestWorkshop(town);
        var code = await OpenSession(town, id);
        var anonymous = town.Host.Anonymous();

        var (_, before) = await PageForms.Get(anonymous, $"/workshops/{id}/live");
        Assert.NotNull(before.QuerySelector("[data-testid=how-to-join]"));
        Assert.Equal($"workshops/{id}/join", before.QuerySelector("[data-testid=join-link]")!.GetAttribute("href"));

        await AsFacilitator(town, board => board(id).CloseSessionAsync());
        var (_, form) = await PageForms.Get(anonymous, $"/workshops/{id}/join?code={code}");
        using var late = await PageForms.Submit(anonymous, form, $"/workshops/{id}/join?code={code}", "guest-join",
            new Dictionary<string, string?> { ["JoinForm.Nickname"] = "遅れてきた人" });
        Assert.False(late.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(GuestPasses.CookieName(id), StringComparison.Ordinal)));
        var refused = PageForms.Parse(await late.Content.ReadAsStringAsync());
        Assert.Equal("ライブセッションは終了しました。", refused.QuerySelector("#join-error")!.TextContent.Trim());
    }

    internal static async Task<string> GuestWorkshop(WorkshopPagesHost town)
    {
        var starts = town.Host.Clock.GetUtcNow().AddDays(1);
        using var response = await town.Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "港の朝市を考える",
            description = "朝市の困りごとを出し合います。",
            stage = "discovery",
            place = "みなと公民館",
            capacity = 30,
            guestsAllowed = true,
            startsAt = starts,
            endsAt = starts.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    internal static async Task<string> OpenSession(WorkshopPagesHost town, string id)
    {
        var view = await AsFacilitator(town, board => board(id).OpenSessionAsync(new BoardSetupInput(["困りごと", "原因", "アイデア"])));
        return view.Value!.RoomCode!;
    }

    internal static async Task<T> AsFacilitator<T>(WorkshopPagesHost town, Func<Func<string, IWorkshopBoardGrain>, Task<T>> call)
    {
        var grains = town.Host.Factory.Services.GetRequiredService<IGrainFactory>();
        Caller.Set(town.FacilitatorId, [Roles.Facilitator]);
        try
        {
            return await call(id => grains.GetGrain<IWorkshopBoardGrain>(id));
        }
        finally
        {
            Caller.Clear();
        }
    }
}
