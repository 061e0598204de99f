using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Workshops.Board;

/// <summary>Steps the board API tests share: an open board, a seated and joined participant, a note, a round.</summary>
internal static class BoardApi
{
    /// <summary>A new workshop with its board open on three columns; returns the workshop and its first column.</summary>
    public static async Task<(string Id, string Column)> OpenBoard(Lab lab)
    {
        var id = await lab.NewWorkshop();
        using var opened = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/session", new { columns = new[] { "困りごと", "原因", "アイデア" } });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var board = await AccountApi.Json(opened);
        return (id, board.GetProperty("columns")[0].GetProperty("id").GetString()!);
    }

    /// <summary>Takes a seat and joins the board as <paramref name="client"/>.</summary>
    public static async Task Join(HttpClient client, string id)
    {
        using var seat = await client.PostAsync($"/api/workshops/{id}/registration", null);
        Assert.True(seat.IsSuccessStatusCode, await seat.Content.ReadAsStringAsync());
        using var joined = await client.PostAsync($"/api/workshops/{id}/join", null);
        Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a note as <paramref name="client"/> and returns its id.</summary>
    public static async Task<string> Note(HttpClient client, string id, string column, string text = "バスが1日2本しかない", bool anonymous = false)
    {
        using var posted = await client.PostAsJsonAsync($"/api/workshops/{id}/notes", new { columnId = column, text, anonymous });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        return (await AccountApi.Json(posted)).GetProperty("id").GetString()!;
    }

    /// <summary>Opens a dot round as the facilitator.</summary>
    public static async Task Round(Lab lab, string id, int dots = 3)
    {
        using var round = await lab.Facilitator.PostAsJsonAsync($"/api/workshops/{id}/rounds", new { dotsPerPerson = dots, totalsLive = true });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
    }
}
